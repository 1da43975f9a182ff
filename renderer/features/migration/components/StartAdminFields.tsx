import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';

interface StartAdminFieldsProps {
  id: string;
  user: string;
  password: string;
  problems: readonly string[] | undefined;
  onChange(patch: { adminUser?: string; adminPassword?: string }): void;
}

/** The new server's optional administrator login, for a job started from a pasted list. */
export function StartAdminFields({ id, user, password, problems, onChange }: StartAdminFieldsProps) {
  return (
    <details className="disclosure" open={user !== '' || Boolean(problems?.length)}>
      <summary>Administrator login (optional)</summary>
      <p className="hint">
        If the new server lets an administrator log in as each user, Cutover uses that login and does not need
        the users’ new passwords.
      </p>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-user`}>Administrator username</label>
          <input
            id={`${id}-user`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problems?.length ? true : undefined}
            aria-describedby={describedBy(id, false, problems)}
            value={user}
            onChange={(e) => onChange({ adminUser: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Administrator password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            aria-invalid={problems?.length ? true : undefined}
            aria-describedby={describedBy(id, false, problems)}
            value={password}
            onChange={(e) => onChange({ adminPassword: e.target.value })}
          />
        </div>
      </div>
      <ProblemList id={`${id}-problems`} problems={problems} />
    </details>
  );
}
