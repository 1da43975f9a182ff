import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';

interface TrustFieldProps {
  id: string;
  value: string;
  problems: readonly string[] | undefined;
  onChange(value: string): void;
}

/** The "Advanced" part of a server: a certificate trusted for this server only, by fingerprint. */
export function TrustField({ id, value, problems, onChange }: TrustFieldProps) {
  return (
    <details className="disclosure" open={value !== '' || Boolean(problems?.length)}>
      <summary>Advanced</summary>
      <div className="field">
        <label htmlFor={id}>Trust this certificate (SHA-256 fingerprint)</label>
        <p id={`${id}-hint`} className="hint">
          Only for a server whose certificate this computer does not trust, such as a self-signed one. Paste
          the fingerprint from the connection test or from the provider; it is trusted for this server only.
        </p>
        <input
          id={id}
          type="text"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="AB:CD:…"
          aria-invalid={problems?.length ? true : undefined}
          aria-describedby={describedBy(id, true, problems)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <ProblemList id={`${id}-problems`} problems={problems} />
      </div>
    </details>
  );
}
