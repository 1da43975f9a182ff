interface SecretFieldProps {
  id: string;
  label: string;
  /** What is typed now; a stored secret is never sent back to the UI. */
  value: string;
  stored: boolean;
  onChange(value: string): void;
}

/** A write-only secret: typed once, then only "stored" shows, never the text. */
export function SecretField({ id, label, value, stored, onChange }: SecretFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={stored ? 'Stored. Type a new one to replace it.' : ''}
        value={value}
        aria-describedby={`${id}-state`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-state`} className="hint">
        {stored ? (
          <>
            <span aria-hidden="true">✓ </span>Stored encrypted. It is never shown again.
          </>
        ) : (
          'Not stored yet. It is sent once when you save, then kept encrypted.'
        )}
      </p>
    </div>
  );
}
