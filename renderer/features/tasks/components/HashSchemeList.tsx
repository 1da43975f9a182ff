import type { ProvisioningSummary } from '../../../../preload/contract.ts';
import { STRENGTH_WORDS, takenBy } from '../logic/hash-words.ts';

/** The kinds of hash found, each with how strong it is and which new services take it. */
export function HashSchemeList({ summary }: { summary: ProvisioningSummary }) {
  if (summary.schemes.length === 0) return null;
  return (
    <ul className="scheme-list" aria-label="Kinds of password hash found">
      {summary.schemes.map((s) => (
        <li key={s.scheme} className="scheme-item">
          <p className="scheme-head">
            <strong>{s.label}</strong>
            <span className={`strength strength-${s.strength}`}>{STRENGTH_WORDS[s.strength]}</span>
            <span className="muted">{s.count === 1 ? '1 account' : `${s.count} accounts`}</span>
          </p>
          <p className="scheme-words">
            {s.description} {takenBy(s.scheme, summary.destinations)}
          </p>
        </li>
      ))}
    </ul>
  );
}
