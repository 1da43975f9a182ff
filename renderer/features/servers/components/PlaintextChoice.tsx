interface PlaintextChoiceProps {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** Allowing a server without encryption, with the risk in words; a stronger warning once chosen. */
export function PlaintextChoice({ id, checked, onChange }: PlaintextChoiceProps) {
  return (
    <div className={`check-field${checked ? ' is-risky' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>Allow an unencrypted connection</label>
        <p id={`${id}-hint`} className={checked ? 'warning-text' : 'hint'}>
          {checked ? (
            <>
              <strong>Warning:</strong> if the server offers no encryption, passwords and mail cross the
              network readable by anyone on the way. Use this only on a network you trust.
            </>
          ) : (
            'Only for a server that offers no encryption at all. Passwords and mail would cross the network readable by anyone on the way.'
          )}
        </p>
      </div>
    </div>
  );
}
