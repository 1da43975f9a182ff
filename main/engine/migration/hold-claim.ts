// One owner at a time for a job, and one run at a time per destination mailbox, across every
// process on the same database: two runs that hold the same account (a batch started twice, a
// pasted list overlapping the project's, the CLI beside the app) would otherwise both list the
// mailbox before either had copied, and both copy everything. The second waits (or, for a job,
// is refused); when it runs, the ledger and the destination show what the first copied.
import type { ClaimRepository, StopRequest } from '../../infrastructure/store/claim-repository.ts';

const POLL_MS = 500;

/** A claim held by this process: beaten while held, let go once. */
export interface HeldClaim {
  /** False once another process took the claim over: write nothing more. */
  held(): boolean;
  release(): void;
}

export interface HoldOptions {
  /** How often the heartbeat beats (default 30 s). */
  heartbeatMs?: number;
  /** Called once if the claim turns out to be lost (its heartbeat changed no row). */
  onLost?: () => void;
  /** Called when another process asks the owner to pause or stop (a job's claim). */
  onStopRequest?: (request: StopRequest) => void;
}

/** Takes `resource` now, or returns null when a live owner holds it. */
export function tryHoldClaim(
  claims: ClaimRepository,
  resource: string,
  run: string,
  options: HoldOptions = {},
): HeldClaim | null {
  if (!claims.claim(resource, run)) return null;
  let lost = false;
  let released = false;
  const beat = () => {
    if (lost || released) return;
    const { held, stopRequest } = claims.refresh(resource, run);
    if (!held) {
      lost = true;
      clearInterval(heartbeat);
      options.onLost?.();
    } else if (stopRequest) {
      options.onStopRequest?.(stopRequest);
    }
  };
  const heartbeat = setInterval(beat, options.heartbeatMs ?? 30_000);
  heartbeat.unref();
  return {
    held() {
      if (!lost && !released && !claims.holds(resource, run)) {
        lost = true;
        clearInterval(heartbeat);
        options.onLost?.();
      }
      return !lost;
    },
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if (!lost) claims.release(resource, run);
    },
  };
}

/**
 * Waits until no live run holds `resource`, then holds it. `onWait` is called once if it has
 * to wait (for the log); an abort while waiting rejects with the signal's reason.
 */
export async function holdClaim(
  claims: ClaimRepository,
  resource: string,
  run: string,
  signal: AbortSignal,
  options: HoldOptions & { onWait?: () => void } = {},
): Promise<HeldClaim> {
  let waited = false;
  for (;;) {
    const held = tryHoldClaim(claims, resource, run, options);
    if (held) return held;
    if (!waited) options.onWait?.();
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
}

/** A running job's claim. */
export const jobResource = (jobId: number) => `job:${jobId}`;

/** A destination mailbox's claim, named as the ledger names the mailbox. */
export const mailboxResource = (identity: string) => `mailbox:${identity}`;
