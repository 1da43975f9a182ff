interface PortFieldProps {
  id: string;
  label: string;
  value: string;
  /** Under the field, e.g. "Default 993"; its id is `${id}-hint`. */
  hint?: string;
  placeholder?: string;
  /** The id of the problems listed for the row this port is in, when there are any. */
  problemsId?: string | null;
  onChange(value: string): void;
}

/** One port number of a server, as every form that asks for one shows it. */
export function PortField({ id, label, value, hint, placeholder, problemsId, onChange }: PortFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', problemsId ?? ''].filter(Boolean).join(' ');
  return (
    <div className="field port-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={problemsId ? true : undefined}
        aria-describedby={describedBy || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
