import { memo } from 'react';
import type { LiveAccount } from '../logic/live-job.ts';
import { isFinished } from '../logic/live-job.ts';
import { ACCOUNT_STATUS_WORDS } from '../logic/account-words.ts';
import { percent } from '../logic/progress-words.ts';
import { tileDetail } from '../logic/tile-words.ts';
import { StatusIcon } from '../../../ui/StatusIcon.tsx';
import { ProgressBar } from './ProgressBar.tsx';

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
