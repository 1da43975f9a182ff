import { useState } from 'react';
import type {
  AccountStatus,
  DestinationKind,
  HashAcceptance,
  ProvisioningExport,
  ProvisioningSummary,
} from '../../../../preload/contract.ts';
import { ACCEPTANCE_WORDS } from '../logic/hash-words.ts';
import { downloadText } from '../../migration/logic/log-file.ts';
import { useAppState } from '../../../app/store-context.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { Notice } from '../../../ui/Notice.tsx';

const ACCEPTANCE_TONES: Readonly<Record<HashAcceptance, AccountStatus>> = {
  yes: 'done',
  no: 'failed',
  ask: 'partial',
};

/** Pick the new service, see what it takes of the hashes found, and save its users file. */
export function ProvisioningDownload({
  projectId,
  summary,
}: {
  projectId: number;
  summary: ProvisioningSummary;
}) {
  const exportUsersFile = useAppState((s) => s.exportUsersFile);
  const [kind, setKind] = useState<DestinationKind>('dovecot');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<ProvisioningExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = 'provisioning-destination';
  const destination = summary.destinations.find((d) => d.kind === kind)!;
  const present = new Set(summary.schemes.map((s) => s.scheme));
  const labels = new Map(summary.schemes.map((s) => [s.scheme, s.label]));

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await exportUsersFile(projectId, kind);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const type = result.value.fileName.endsWith('.csv')
      ? 'text/csv;charset=utf-8'
      : 'text/plain;charset=utf-8';
    downloadText(result.value.fileName, result.value.content, type);
    setSaved(result.value);
  };

  return (
    <div className="provisioning-download">
      <fieldset className="field radio-group">
        <legend>Where are the users created?</legend>
        {summary.destinations.map((d) => (
          <label key={d.kind} className="radio">
            <input
              type="radio"
              name={id}
              value={d.kind}
              checked={kind === d.kind}
              onChange={() => {
                setKind(d.kind);
                setSaved(null);
                setError(null);
              }}
            />
            {d.label}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-note`} className="hint">
        {destination.note}
      </p>
      {present.size > 0 ? (
        <ul className="acceptance-list" aria-label={`What ${destination.label} takes`}>
          {destination.schemes
            .filter((s) => present.has(s.scheme))
            .map((s) => (
              <li key={s.scheme}>
                <span className="acceptance-scheme">{labels.get(s.scheme)}</span>
                <StatusBadge tone={ACCEPTANCE_TONES[s.acceptance]} label={ACCEPTANCE_WORDS[s.acceptance]} />
                {s.note ? <span className="muted">{s.note}</span> : null}
              </li>
            ))}
        </ul>
      ) : null}
      {destination.fileDescription ? (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            aria-describedby={`${id}-note ${id}-what`}
            aria-disabled={busy || undefined}
            onClick={() => void download()}
          >
            {busy ? 'Preparing…' : `Download the users file for ${destination.label}`}
          </button>
          <span id={`${id}-what`} className="hint">
            {destination.exportable === 1 ? '1 account' : `${destination.exportable} accounts`} in{' '}
            {destination.fileDescription}. It holds password hashes: keep it private, and delete it once the
            users exist.
          </span>
        </div>
      ) : null}
      <div aria-live="polite">
        {error ? (
          <Notice tone="error">
            <p>No file was saved. {error}</p>
          </Notice>
        ) : null}
        {saved ? <SavedFile saved={saved} /> : null}
      </div>
    </div>
  );
}

function SavedFile({ saved }: { saved: ProvisioningExport }) {
  return (
    <Notice tone={saved.leftOut.length > 0 ? 'info' : 'success'}>
      <p>
        Saved {saved.fileName} with {saved.included === 1 ? '1 account' : `${saved.included} accounts`}.
      </p>
      {saved.leftOut.length > 0 ? (
        <>
          <p className="notice-title">
            Not in the file ({saved.leftOut.length}): create these users another way, with a new password
          </p>
          <ul className="line-list">
            {saved.leftOut.map((l) => (
              <li key={l.username}>
                {l.username}: {l.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Notice>
  );
}
