// One run at a time per destination mailbox, across every job and every process on the same
// database: two runs that hold the same account (a batch started twice, a pasted list
// overlapping the project's, the CLI beside the app) would otherwise both list the mailbox
// before either had copied, and both copy everything. The second waits; when it runs, the
// ledger and the destination show what the first copied.
import type { MailboxClaimRepository } from '../store/mailbox-claim-repository.ts';
import { CLAIM_STALE_MS } from '../store/mailbox-claim-repository.ts';

const POLL_MS = 500;

/** The lock's name for a destination mailbox: server and login, case-insensitive. */
export function mailboxKey(host: string, port: number | string, login: string): string {
  return `${host.toLowerCase()}:${port}/${login.toLowerCase()}`;
}

/**
 * Waits until no live run holds `mailbox`, claims it for `run`, and returns its release.
 * `onWait` is called once if it has to wait (for the log); an abort while waiting rejects with
 * the signal's reason. The claim is refreshed while held, so a crashed holder's claim lapses.
 */
export async function lockMailbox(
  claims: MailboxClaimRepository,
  mailbox: string,
  run: string,
  signal: AbortSignal,
  onWait?: () => void,
): Promise<() => void> {
  let waited = false;
  while (!claims.claim(mailbox, run)) {
    if (!waited) onWait?.();
    waited = true;
    await new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', abort);
        resolve();
      }, POLL_MS);
      const abort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      signal.addEventListener('abort', abort, { once: true });
    });
  }
  const heartbeat = setInterval(() => claims.refresh(mailbox, run), CLAIM_STALE_MS / 4);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    claims.release(mailbox, run);
  };
}
