import { useCallback, useEffect, useState } from 'react';
import type { ProvisioningSummary } from '../../../../preload/contract.ts';
import { coverageSentence } from '../logic/hash-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { ConfirmInline } from '../../../ui/ConfirmInline.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { HashImportForm } from './HashImportForm.tsx';
import { HashSchemeList } from './HashSchemeList.tsx';
import { ProvisioningDownload } from './ProvisioningDownload.tsx';

/**
 * On “Create the same users on the new service”: import the old password hashes, see what
 * kinds they are and which new services take them, and save the file that creates the users.
 * The hashes never come back to the page; only their kinds and counts do.
 */
export function ProvisioningPanel() {
  const loadProvisioning = useAppState((s) => s.loadProvisioning);
  const forgetHashes = useAppState((s) => s.forgetHashes);
  const projectId = useAppState((s) => s.currentProjectId);
  const [summary, setSummary] = useState<ProvisioningSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [forgetting, setForgetting] = useState(false);

  const load = useCallback(async () => {
    if (projectId === null) return;
    const result = await loadProvisioning(projectId);
    if (result.ok) {
      setSummary(result.value);
      setError(null);
    } else setError(`The imported hashes could not be read. ${result.error.message}`);
  }, [loadProvisioning, projectId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (projectId === null) return null;

  const forget = async () => {
    setForgetting(true);
    const result = await forgetHashes(projectId);
    setForgetting(false);
    setConfirming(false);
    if (result.ok) setSummary(result.value);
    else setError(`The hashes were not deleted. ${result.error.message}`);
  };

  const titleId = 'provisioning-title';
  return (
    <section className="provisioning" aria-labelledby={titleId}>
      <h5 id={titleId} className="provisioning-title">
        Keep everyone’s password
      </h5>
      <p className="hint">
        If the old server keeps password hashes, the new service can often take them, so nobody needs a new
        password. Cutover recognises each kind of hash, keeps them encrypted, and writes the file that creates
        the users.
      </p>
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {summary === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p className="provisioning-coverage" role="status">
            {coverageSentence(summary.withHash, summary.accounts)}
          </p>
          <HashSchemeList summary={summary} />
          <details className="disclosure" open={summary.withHash === 0}>
            <summary>
              {summary.withHash === 0 ? 'Import password hashes' : 'Import more password hashes'}
            </summary>
            <HashImportForm projectId={projectId} onImported={(result) => setSummary(result.summary)} />
          </details>
          {summary.withHash > 0 ? (
            <>
              <ProvisioningDownload projectId={projectId} summary={summary} />
              {confirming ? (
                <ConfirmInline
                  question="Delete the imported password hashes?"
                  detail="Cutover forgets them; files already saved are not touched. Import them again to write another file."
                  confirmLabel="Delete the hashes"
                  busyLabel="Deleting…"
                  keepLabel="Keep them"
                  busy={forgetting}
                  onConfirm={() => void forget()}
                  onCancel={() => setConfirming(false)}
                />
              ) : (
                <p>
                  <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                    Delete the imported hashes
                  </button>
                </p>
              )}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
