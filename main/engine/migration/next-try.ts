import type { MigrationError } from './migration-error.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { backoffDelay } from './retry-policy.ts';

/**
 * How long to wait before the next attempt, and the log line that says so: the wait a
 * throttling server suggested (what imapflow has not waited of it yet), else the back-off.
 */
export function nextTry(
  policy: RetryPolicy,
  error: MigrationError,
  attempt: number,
  random: number,
): { delay: number; message: string } {
  if (error.code === 'throttled') {
    const delay = error.backoff
      ? Math.min(error.backoff.remainingMs, MAX_SUGGESTED_WAIT_MS)
      : backoffDelay(policy, attempt, random);
    const asked = error.backoff ? Math.min(error.backoff.suggestedMs, MAX_SUGGESTED_WAIT_MS) : delay;
    return {
      delay,
      message: `${error.message.replace(/\.$/, '')}; waiting ${Math.max(1, Math.round(asked / 1000))} s (next try at ${clockTime(Date.now() + delay)}), then carrying on where it stopped.`,
    };
  }
  const delay = backoffDelay(policy, attempt, random);
  return {
    delay,
    message: `${error.message} Waiting for ${error.side === 'destination' ? 'the new' : 'the old'} server: next try at ${clockTime(Date.now() + delay)} (in ${Math.ceil(delay / 1000)} s).`,
  };
}

/** A suggested wait is taken up to this; Microsoft 365 usually asks for at most about 5 minutes. */
const MAX_SUGGESTED_WAIT_MS = 30 * 60_000;

/** HH:MM:SS on this computer's clock, for "next try at". */
function clockTime(ms: number): string {
  const at = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}
