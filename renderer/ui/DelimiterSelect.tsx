/** The separators an accounts list may use; empty lets Cutover find it from the lines. */
const CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: '', label: 'Find it from the lines' },
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar ( | )' },
  { value: ':', label: 'Colon ( : )' },
];

interface DelimiterSelectProps {
  id: string;
  value: string;
  onChange(value: string): void;
}

/** Which character separates the fields; chosen by hand when names or passwords contain commas. */
export function DelimiterSelect({ id, value, onChange }: DelimiterSelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Separator between the fields</label>
      <select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {CHOICES.map((choice) => (
          <option key={choice.label} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        Choose one when a user name or password contains a comma, so the lines are read as you mean them.
      </p>
    </div>
  );
}
