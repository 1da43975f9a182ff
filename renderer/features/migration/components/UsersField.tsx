import { useMemo } from 'react';
import {
  MAX_ACCOUNTS_PER_JOB,
  describeBatches,
  planBatches,
  readAccountList,
} from '../logic/user-batches.ts';
import { formatCount, plural } from '../logic/progress-words.ts';
import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';
import { DelimiterSelect } from '../../../ui/DelimiterSelect.tsx';

interface UsersFieldProps {
  id: string;
  value: string;
  delimiter: string;
  problems: readonly string[] | undefined;
  onChange(value: string): void;
  onDelimiterChange(delimiter: string): void;
}

/** How many accounts a pasted list holds and, past 500, the batches it will be started in. */
export function useAccountCount(text: string) {
  return useMemo(() => {
    const count = readAccountList(text).accounts.length;
    const batches = count > MAX_ACCOUNTS_PER_JOB ? planBatches(text) : null;
    return { count, batches };
  }, [text]);
}

/** The pasted accounts, with the bad lines main found listed beside them. */
export function UsersField({ id, value, delimiter, problems, onChange, onDelimiterChange }: UsersFieldProps) {
  const { count, batches } = useAccountCount(value);
  return (
    <fieldset className="form-section">
      <legend>Accounts</legend>
      <div className="users-layout">
        <div className="field users-field">
          <label htmlFor={id}>
            Accounts to copy <span className="required">(required)</span>
          </label>
          <p id={`${id}-hint`} className="hint">
            One account a line: <code>username,password</code>. If the login or password differs on the new
            server, add them: <code>username,password,new username,new password</code>. Passwords are not
            shown again after the job starts.
          </p>
          <textarea
            id={id}
            rows={7}
            autoComplete="off"
            spellCheck={false}
            className="mono"
            aria-required="true"
            aria-invalid={problems?.length ? true : undefined}
            aria-describedby={[describedBy(id, true, problems), `${id}-count`].filter(Boolean).join(' ')}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <p id={`${id}-count`} className="hint">
            {count === 0 ? 'No accounts yet.' : plural(count, 'account')}
          </p>
          <DelimiterSelect id={`${id}-delimiter`} value={delimiter} onChange={onDelimiterChange} />
        </div>
        {problems?.length ? (
          <div className="users-problems">
            <p className="problems-title">Fix these lines, then start again:</p>
            <ProblemList id={`${id}-problems`} problems={problems} />
          </div>
        ) : null}
      </div>
      {batches ? (
        <div className="notice notice-info batch-notice" role="status">
          <span className="notice-icon" aria-hidden="true">
            i
          </span>
          <div className="notice-body">
            <p className="notice-title">
              {formatCount(count)} accounts: a job takes at most {MAX_ACCOUNTS_PER_JOB}, so this list will be
              started as {batches.length} jobs.
            </p>
            <p>{describeBatches(batches)}</p>
            <p>The jobs run side by side; each has its own results and log.</p>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
