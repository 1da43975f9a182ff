import type { Provider } from '../logic/sign-in-options.ts';
import { PROVIDER_OPTIONS } from '../logic/sign-in-options.ts';

interface ProviderChoiceProps {
  id: string;
  value: Provider;
  onChange(provider: Provider): void;
}

/** Which provider the server is: a preset fills in its server name, port 993 and IMAPS. */
export function ProviderChoice({ id, value, onChange }: ProviderChoiceProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Provider</label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value as Provider)}
      >
        {PROVIDER_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {value === 'other'
          ? 'Any IMAP or POP3 server: fill in its name and ports below.'
          : 'The server name, port 993 and IMAPS are filled in for you.'}
      </p>
    </div>
  );
}
