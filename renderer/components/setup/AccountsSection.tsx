import { useCallback, useEffect, useState } from 'react';
import type { Account, LineError } from '../../../preload/contract.ts';
import { useAppState } from '../../state/store-context.ts';
import { Notice } from '../Notice.tsx';
import { AccountsTable } from './AccountsTable.tsx';
import { LineProblems } from './LineProblems.tsx';
import { DelimiterSelect } from '../DelimiterSelect.tsx';

/** The project's mailboxes: paste or pick a CSV file, see bad lines by number, remove one. */
export function AccountsSection({ projectId }: { projectId: number }) {
  const api = useAppState((s) => s.api);
  const refreshProjects = useAppState((s) => s.refreshProjects);
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [text, setText] = useState('');
  const [delimiter, setDelimiter] = useState('');
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = 'accounts-import';

  const load = useCallback(async () => {
    const result = await api.accounts.list({ projectId });
    if (result.ok) setAccounts(result.value);
    else setMessage({ tone: 'error', text: `The accounts could not be loaded. ${result.error.message}` });
  }, [api, projectId]);

  useEffect(() => {
    void load();
  }, [load]);

  const importText = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const result = await api.accounts.import({ projectId, text, ...(delimiter ? { delimiter } : {}) });
    setBusy(false);
    if (!result.ok) {
      setLineErrors([]);
      setMessage({ tone: 'error', text: `Nothing was imported. ${result.error.message}` });
      return;
    }
    const { added, updated, errors } = result.value;
    setLineErrors(errors);
    if (errors.length > 0) {
      setMessage(null);
      document.getElementById(id)?.focus();
      return;
    }
    setText('');
    setMessage({
      tone: 'success',
      text: `Imported: ${added} added, ${updated} updated. Passwords are stored encrypted and are not shown again.`,
    });
    await load();
    await refreshProjects();
  };

  const remove = async (account: Account) => {
    const result = await api.accounts.remove({ accountId: account.id });
    if (!result.ok) {
      setMessage({ tone: 'error', text: `${account.username} was not removed. ${result.error.message}` });
      return;
    }
    setMessage({ tone: 'success', text: `Removed ${account.username}.` });
    await load();
    await refreshProjects();
  };

  const errorsId = `${id}-problems`;
  return (
    <section className="card" aria-labelledby="accounts-title">
      <h3 id="accounts-title" className="section-title">
        Accounts
      </h3>
      {message ? (
        <Notice tone={message.tone}>
          <p>{message.text}</p>
        </Notice>
      ) : null}
      <div className="field">
        <label htmlFor={id}>Paste the accounts</label>
        <p id={`${id}-hint`} className="hint">
          One per line: <code>username,password</code>, optionally followed by the new server’s username and
          password: <code>username,password,new_username,new_password</code>. Commas, semicolons or tabs all
          work.
        </p>
        <textarea
          id={id}
          className="mono"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={lineErrors.length > 0 ? true : undefined}
          aria-describedby={[`${id}-hint`, lineErrors.length > 0 ? errorsId : ''].filter(Boolean).join(' ')}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <LineProblems id={errorsId} errors={lineErrors} />
      <DelimiterSelect id={`${id}-delimiter`} value={delimiter} onChange={setDelimiter} />
      <div className="field">
        <label htmlFor={`${id}-file`}>Or pick a CSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((content) => setText(content));
          }}
        />
        <span className="hint">
          The file is read on this computer and shown above before anything is imported.
        </span>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() => void importText()}
        >
          {busy ? 'Importing…' : 'Import accounts'}
        </button>
      </div>
      <h4 className="subsection-title accounts-list-title">In this project</h4>
      {accounts === null ? (
        <p className="muted">Loading accounts…</p>
      ) : (
        <AccountsTable accounts={accounts} onRemove={(a) => void remove(a)} />
      )}
    </section>
  );
}
