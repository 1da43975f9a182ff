import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';

interface CorrectPasswordProps {
  jobName: string;
  username: string;
  /** Which server refused the password. */
  side: 'source' | 'destination';
  /** The job belongs to a project, whose account is corrected too. */
  inProject: boolean;
}

/**
 * A refused password, typed again right where the failure is explained, then the account is
 * retried. The password goes to main and the field is emptied; it is never shown back.
 */
export function CorrectPassword({ jobName, username, side, inProject }: CorrectPasswordProps) {
  const correctPasswordAndRetry = useAppState((s) => s.correctPasswordAndRetry);
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const server = side === 'source' ? 'old' : 'new';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (password === '') {
      setError(`Type ${username}’s password on the ${server} server first.`);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await correctPasswordAndRetry({ name: jobName, account: username, side, password });
    setBusy(false);
    if (result.ok) setPassword('');
    else setError(result.error.message);
  };

  return (
    <form className="correct-password" aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)}>
      <p id={`${id}-title`} className="correct-password-title">
        Fix the password and try this account again
      </p>
      <div className="field">
        <label htmlFor={`${id}-password`}>
          {username}’s password on the {server} server
        </label>
        <p id={`${id}-hint`} className="hint">
          {inProject
            ? 'Saved for this job and in the project’s accounts, so later jobs use it too. It is not shown again.'
            : 'Saved for this job only. It is not shown again.'}
        </p>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div role="alert">
          <FieldError id={`${id}-error`} message={error} />
        </div>
      </div>
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy ? 'Saving…' : 'Save and retry'}
      </button>
    </form>
  );
}
