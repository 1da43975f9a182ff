import { useState } from 'react';
import type { HashImportResult, HashListFormat, LineError } from '../../../../preload/contract.ts';
import { FORMAT_WORDS, importSentence } from '../logic/hash-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { PasteField, TextFileField } from '../../../ui/PasteField.tsx';

type FormatChoice = HashListFormat | 'auto';

/** Paste or pick the old system's hash list; bad lines are listed by number and nothing is stored. */
export function HashImportForm({
  projectId,
  onImported,
}: {
  projectId: number;
  onImported(result: HashImportResult): void;
}) {
  const importHashes = useAppState((s) => s.importHashes);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [busy, setBusy] = useState(false);
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [outcome, setOutcome] = useState<HashImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const id = 'hash-import';

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setOutcome(null);
    const result = await importHashes({
      projectId,
      text,
      ...(format === 'auto' ? {} : { format }),
    });
    setBusy(false);
    if (!result.ok) {
      setLineErrors([]);
      setFailure(`Nothing was imported. ${result.error.message}`);
      return;
    }
    setLineErrors(result.value.errors);
    onImported(result.value);
    if (result.value.errors.length > 0) {
      document.getElementById(id)?.focus();
      return;
    }
    // The hashes are secrets: once stored, they leave the page.
    setText('');
    setOutcome(result.value);
  };

  return (
    <div className="hash-import">
      {failure ? (
        <Notice tone="error">
          <p>{failure}</p>
        </Notice>
      ) : null}
      <PasteField
        id={id}
        label="Paste the old password hashes"
        hint={
          <>
            One user a line, as the old server keeps them: <code>/etc/shadow</code> (
            <code>ann:$6$…:19000:…</code>), a Dovecot passwd-file (<code>ann:{'{SSHA}'}…</code>) or CSV (
            <code>ann@example.com,$1$…</code>). Lines for users this project does not have are listed, not
            imported.
          </>
        }
        value={text}
        onChange={setText}
        errors={lineErrors}
      />
      <div className="inline-fields">
        <TextFileField
          id={`${id}-file`}
          label="Or pick a file"
          accept=".csv,.txt,.passwd,text/csv,text/plain"
          onText={setText}
        />
        <div className="field">
          <label htmlFor={`${id}-format`}>The lines are</label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => setFormat(e.target.value as FormatChoice)}
          >
            <option value="auto">Recognised from the first line</option>
            {(Object.keys(FORMAT_WORDS) as HashListFormat[]).map((value) => (
              <option key={value} value={value}>
                {FORMAT_WORDS[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || text.trim() === '' || undefined}
          onClick={() => void (text.trim() === '' ? document.getElementById(id)?.focus() : submit())}
        >
          {busy ? 'Importing…' : 'Import the hashes'}
        </button>
      </div>
      {outcome ? <ImportOutcome result={outcome} /> : null}
    </div>
  );
}

function ImportOutcome({ result }: { result: HashImportResult }) {
  return (
    <Notice tone="success">
      <p>{importSentence(result)}</p>
      <LineList title="Not imported: no such account in this project" lines={result.unmatched} />
      <LineList title="Left out: no password to carry over" lines={result.skipped} />
    </Notice>
  );
}

function LineList({ title, lines }: { title: string; lines: HashImportResult['unmatched'] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <p className="notice-title">
        {title} ({lines.length})
      </p>
      <ul className="line-list">
        {lines.map((l) => (
          <li key={l.line}>
            Line {l.line}, “{l.username}”: {l.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
