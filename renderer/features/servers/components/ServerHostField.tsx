import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';

interface ServerHostFieldProps {
  id: string;
  placeholder: string;
  value: string;
  problems: readonly string[] | undefined;
  onChange(host: string): void;
}

/** A server's name, required, with the problems main found in it (field id `${id}-host`). */
export function ServerHostField({ id, placeholder, value, problems, onChange }: ServerHostFieldProps) {
  return (
    <div className="field">
      <label htmlFor={`${id}-host`}>
        Server name <span className="required">(required)</span>
      </label>
      <input
        id={`${id}-host`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-required="true"
        aria-invalid={problems?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-host`, false, problems)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <ProblemList id={`${id}-host-problems`} problems={problems} />
    </div>
  );
}
