import type { Ref } from 'react';
import type { LiveAccount, LiveJob } from '../logic/live-job.ts';
import { ACCOUNT_STATUS_WORDS, adviceFor } from '../logic/account-words.ts';
import { formatBytes, formatCount, plural } from '../logic/progress-words.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { StatusIcon } from '../../../ui/StatusIcon.tsx';
import { FolderTable } from './FolderTable.tsx';
import { LogDownloadButton } from './LogDownloadButton.tsx';
import { CorrectPassword } from './CorrectPassword.tsx';
import { SignInAgain } from './SignInAgain.tsx';

const REFUSED_SIDE: Readonly<Record<string, 'source' | 'destination'>> = {
  'source-auth-failed': 'source',
  'destination-auth-failed': 'destination',
};

interface AccountDetailProps {
  job: LiveJob;
  account: LiveAccount;
  headingRef: Ref<HTMLHeadingElement>;
  onClose(): void;
}

function summary(account: LiveAccount): string {
  if (account.status === 'queued') return 'Waiting for its turn.';
  if (account.status === 'running') {
    const where = account.currentFolder ? ` Now in ${account.currentFolder}.` : '';
    return `${formatCount(account.messagesDone)} of ${plural(account.messagesTotal, 'message')} so far.${where}`;
  }
  if (account.status === 'failed' && account.messagesTotal === 0) return 'Nothing was copied.';
  const size = account.bytesDone > 0 ? ` (${formatBytes(account.bytesDone)})` : '';
  return `${plural(account.messagesTotal, 'message')}: ${formatCount(account.copied)} copied${size}, ${formatCount(account.skipped)} already there, ${formatCount(account.failed)} not copied.`;
}

/** An address that may wrap after its @ rather than in the middle of a word. */
function BreakableAddress({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at === -1) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

/** One account: what happened folder by folder, its error in words with what to do, its log. */
export function AccountDetail({ job, account, headingRef, onClose }: AccountDetailProps) {
  const advice = account.errorCode !== null ? adviceFor(account.errorCode) : null;
  const refusedSide =
    account.status === 'failed' && account.errorCode ? REFUSED_SIDE[account.errorCode] : undefined;
  const headingId = `account-detail-${job.id}-heading`;
  return (
    <section
      className="card account-detail"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="account-detail-head">
        <div>
          <p className="eyebrow">Account</p>
          <h3 id={headingId} ref={headingRef} tabIndex={-1} className="account-detail-name">
            <BreakableAddress address={account.username} />
          </h3>
          {account.localUsername !== account.username ? (
            <p className="muted">Copied into {account.localUsername} on the new server</p>
          ) : null}
        </div>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="account-detail-status">
        <StatusBadge tone={account.status} label={ACCOUNT_STATUS_WORDS[account.status]} />
        <span>{summary(account)}</span>
      </p>

      {advice && account.status !== 'running' && account.status !== 'queued' ? (
        <div className={`problem tone-${account.status}`}>
          <p className="problem-title">
            <StatusIcon status={account.status} />
            {advice.reason}
          </p>
          <p className="problem-action">
            <strong>What to do:</strong> {advice.action}
          </p>
          {account.errorMessage ? (
            <p className="problem-detail">
              <span className="problem-detail-label">What Cutover saw:</span> {account.errorMessage}
            </p>
          ) : null}
          {refusedSide && !job.running ? (
            <CorrectPassword
              key={`${job.id}-${account.username}`}
              jobName={job.name}
              username={account.username}
              side={refusedSide}
              inProject={job.projectId !== null}
            />
          ) : null}
          {account.status === 'failed' && account.errorCode === 'sign-in-again' && !job.running ? (
            <SignInAgain
              key={`${job.id}-${account.username}`}
              jobName={job.name}
              username={account.username}
            />
          ) : null}
        </div>
      ) : null}

      <h4 className="subsection-title">Folders</h4>
      {account.folders.length > 0 ? (
        <FolderTable folders={account.folders} caption={`Folders of ${account.username}`} />
      ) : (
        <p className="muted">
          {account.status === 'failed' ? 'No folder was reached.' : 'Folders appear here as they are copied.'}
        </p>
      )}

      <div className="account-detail-actions">
        <LogDownloadButton job={job} account={account.username} label="Download this account’s log" />
      </div>
    </section>
  );
}
