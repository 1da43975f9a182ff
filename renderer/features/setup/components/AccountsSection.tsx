import { useEffect, useState } from 'react';
import type { Account } from '../../../../preload/contract.ts';
import { useAppState } from '../../../app/store-context.ts';
import { PasteField, TextFileField } from '../../../ui/PasteField.tsx';
import { DelimiterSelect } from '../../../ui/DelimiterSelect.tsx';
import { selectProjectAccounts } from '../state/accounts-slice.ts';
import { AccountsTable } from './AccountsTable.tsx';
import { usePastedImport } from './use-pasted-import.ts';
import { ImportButton, ImportMessage } from './PastedImportParts.tsx';

/** The project's mailboxes: paste or pick a CSV file, see bad lines by number, remove one. */
export function AccountsSection({ projectId }: { projectId: number }) {
  const loadAccounts = useAppState((s) => s.loadAccounts);
  const importAccounts = useAppState((s) => s.importAccounts);
  const removeAccount = useAppState((s) => s.removeAccount);
  const accounts = useAppState((s) => selectProjectAccounts(s, projectId));
  const [delimiter, setDelimiter] = useState('');
  const id = 'accounts-import';
  // A clean import re-reads the accounts and the project list (it shows account counts).
  const paste = usePastedImport({
    fieldId: id,
    importText: (text) => importAccounts({ projectId, text, ...(delimiter ? { delimiter } : {}) }),
    describe: ({ added, updated }) =>
      `Imported: ${added} added, ${updated} updated. Passwords are stored encrypted and are not shown again.`,
  });
  const { setMessage } = paste;

  useEffect(() => {
    void loadAccounts(projectId).then((result) => {
      if (!result.ok)
        setMessage({ tone: 'error', text: `The accounts could not be loaded. ${result.error.message}` });
    });
  }, [loadAccounts, projectId, setMessage]);

  const remove = async (account: Account) => {
    const result = await removeAccount(account);
    if (!result.ok) {
      setMessage({ tone: 'error', text: `${account.username} was not removed. ${result.error.message}` });
      return;
    }
    setMessage({ tone: 'success', text: `Removed ${account.username}.` });
  };

  return (
    <section className="card" aria-labelledby="accounts-title">
      <h3 id="accounts-title" className="section-title">
        Accounts
      </h3>
      <ImportMessage message={paste.message} />
      <PasteField
        id={id}
        label="Paste the accounts"
        rows={6}
        hint={
          <>
            One per line: <code>username,password</code>, optionally followed by the new server’s username and
            password: <code>username,password,new_username,new_password</code>. Commas, semicolons or tabs all
            work.
          </>
        }
        value={paste.text}
        onChange={paste.setText}
        errors={paste.lineErrors}
      />
      <DelimiterSelect id={`${id}-delimiter`} value={delimiter} onChange={setDelimiter} />
      <TextFileField
        id={`${id}-file`}
        label="Or pick a CSV file"
        accept=".csv,.txt,text/csv,text/plain"
        onText={paste.setText}
        hint="The file is read on this computer and shown above before anything is imported."
      />
      <ImportButton label="Import accounts" busy={paste.busy} onImport={() => void paste.run()} />
      <h4 className="subsection-title accounts-list-title">In this project</h4>
      {accounts === null ? (
        <p className="muted">Loading accounts…</p>
      ) : (
        <AccountsTable accounts={accounts} onRemove={(a) => void remove(a)} />
      )}
    </section>
  );
}
