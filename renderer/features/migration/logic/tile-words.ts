import type { LiveAccount } from './live-job.ts';
import { adviceFor } from './account-words.ts';
import { formatCount } from './progress-words.ts';

/** What the tile says under the name: counts while copying, the reason when it failed. */
export function tileDetail(account: LiveAccount): string {
  const counts = `${formatCount(account.messagesDone)} of ${formatCount(account.messagesTotal)} messages`;
  switch (account.status) {
    case 'queued':
      if (account.waitingUntil !== null)
        return `Waiting for tomorrow’s upload quota: ${resumeWords(account.waitingUntil)}`;
      if (account.errorCode === 'daily-upload-limit') return 'Waiting for tomorrow’s upload quota';
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

/** "continues Wed 00:00", on this computer's clock. */
function resumeWords(iso: string): string {
  const at = new Date(iso);
  return `continues ${at.toLocaleString('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' })}`;
}
