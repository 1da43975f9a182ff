import type { SignInExplanation } from '../logic/sign-in-steps.ts';

interface SignInExplanationPanelProps {
  id: string;
  explanation: SignInExplanation;
}

/** What the admin creates in their provider's console, step by step; `…` parts show as code. */
export function SignInExplanationPanel({ id, explanation }: SignInExplanationPanelProps) {
  return (
    <section id={id} className="sign-in-steps" aria-label="What to set up first">
      <p>{explanation.summary}</p>
      {explanation.parts.map((part) => (
        <div key={part.where}>
          <h5>{part.where}</h5>
          <ol>
            {part.steps.map((step) => (
              <li key={step}>{withCode(step)}</li>
            ))}
          </ol>
        </div>
      ))}
      {explanation.note ? <p className="hint sign-in-note">{explanation.note}</p> : null}
    </section>
  );
}

/** A step's text with its `quoted` parts as code; a whole command stands on its own lines. */
function withCode(text: string) {
  return text.split('`').map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      <code key={i} className={/^[A-Z][a-z]+-[A-Za-z]+ -/.test(part) ? 'command' : undefined}>
        {part}
      </code>
    ),
  );
}
