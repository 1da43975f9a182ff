import { memo } from 'react';
import type { LiveAccount } from '../logic/live-job.ts';
import { isFinished } from '../logic/live-job.ts';
import { ACCOUNT_STATUS_WORDS, adviceFor } from '../logic/account-words.ts';
import { formatCount, percent } from '../logic/progress-words.ts';
import { StatusIcon } from '../../../ui/StatusIcon.tsx';
import { ProgressBar } from './ProgressBar.tsx';

/** What the tile says under the name: counts while copying, the reason when it failed. */
export function tileDetail(account: LiveAccount): string {
  const counts = `${formatCount(account.messagesDone)} of ${formatCount(account.messagesTotal)} messages`;
  switch (account.status) {
    case 'queued':
      return account.messagesTotal > 0 ? `${counts} so far` : 'Not started yet';
    case 'running':
      return account.messagesTotal > 0 ? counts : 'Connecting…';
    case 'done':
      return account.messagesTotal === 0
        ? 'No messages to copy'
        : `${formatCount(account.messagesTotal)} messages`;
    case 'partial':
      return `${formatCount(account.failed)} not copied`;
    case 'failed':
      // The reason comes with the next snapshot, a moment after the status.
      return account.errorCode === null ? 'Finding out why…' : adviceFor(account.errorCode).reason;
  }
}

/** One account in the grid: name, status in icon and words, a bar, and counts or a reason. */
export const AccountTile = memo(function AccountTile({ account }: { account: LiveAccount }) {
  const value = percent(account.messagesDone, account.messagesTotal, account.status === 'done');
  return (
    <>
      <span className="tile-name">{account.username}</span>
      <span className="tile-status">
        <StatusIcon status={account.status} />
        <span className="tile-status-word">{ACCOUNT_STATUS_WORDS[account.status]}</span>
        {account.status === 'running' && account.messagesTotal > 0 ? (
          <span className="tile-percent">{value}%</span>
        ) : null}
      </span>
      <ProgressBar
        value={isFinished(account.status) && account.status !== 'failed' ? 100 : value}
        tone={account.status}
      />
      <span className="tile-detail">{tileDetail(account)}</span>
    </>
  );
});
