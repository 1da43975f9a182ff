import type { ImapFlow } from 'imapflow';
import type { DestinationMailbox } from './destination-folder.ts';

/**
 * One pair of connections an account's folders are copied over (a folder is opened on one
 * connection to each server), and the signal that stops it: the job's stop, or a sibling lane
 * that failed.
 */
export interface FolderLane {
  /** Null for a POP3 source, whose one session stays on the first lane. */
  source: ImapFlow | null;
  destination: DestinationMailbox;
  signal: AbortSignal;
}

export type LaneConnections = Omit<FolderLane, 'signal'>;

/** Lanes an account copies on at most: its own connections and two more pairs. */
export const MAX_LANES = 3;

/**
 * Logins slower than this (both servers at once, each several round trips: TCP, TLS, the greeting,
 * ID, AUTHENTICATE, NAMESPACE, ENABLE) mean servers far enough away that round trips, not the
 * processors, bound a copy: about 40 ms a round trip. A LAN or a 10 ms office line logs in faster.
 */
export const FAR_LOGINS_MS = 250;

/**
 * How many lanes an account's folders are worth. More pairs of connections pay for their logins
 * (about ten round trips each) when two or more folders are copied for the first time and there
 * is enough of them: a folder's first fetch and last APPEND then overlap the others' transfer,
 * and the small folders' round trips (open, list, fetch, APPEND) are spread over more lanes. Far
 * away (`loginsMs`), three lanes beat two by about a tenth; near, where the processors are the
 * limit, a third only adds work (bench/README.md). On a re-run, two lanes when three or more
 * folders changed since the last sync: each costs a few round trips, which two lanes halve once
 * the second has logged in; a third did not pay there.
 */
export function lanesWorthOpening(
  firstCopies: readonly number[],
  changedSinceLastSync = 0,
  loginsMs = 0,
): number {
  if (firstCopies.length >= 2 && firstCopies.reduce((a, b) => a + b, 0) >= 200)
    return loginsMs >= FAR_LOGINS_MS ? MAX_LANES : 2;
  return changedSinceLastSync >= 3 ? 2 : 1;
}

/**
 * The account's own connections, and `count - 1` more pairs being opened meanwhile: the first
 * lane starts at once. A pair the servers refuse (too many connections, say) is not needed: the
 * lanes that opened copy every folder.
 */
export function openLanes(options: {
  first: LaneConnections;
  count: number;
  open(): Promise<LaneConnections>;
}): Array<Promise<LaneConnections | null>> {
  const more = Math.max(0, Math.min(options.count, MAX_LANES) - 1);
  return [
    Promise.resolve(options.first),
    ...Array.from({ length: more }, () => options.open().catch(() => null)),
  ];
}

/**
 * Runs `work` on every lane at once. When one lane fails the others are stopped at their next
 * batch (what they stored stays recorded) and the first failure is the one thrown.
 */
export async function inLanes(
  lanes: ReadonlyArray<Promise<LaneConnections | null>>,
  signal: AbortSignal,
  work: (lane: FolderLane) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const onStop = () => stop.abort(signal.reason);
  signal.addEventListener('abort', onStop, { once: true });
  if (signal.aborted) onStop();
  let first: { error: unknown } | null = null;
  try {
    await Promise.all(
      lanes.map((opening) =>
        opening
          .then((lane) => (lane ? work({ ...lane, signal: stop.signal }) : undefined))
          .catch((error: unknown) => {
            first ??= { error };
            stop.abort(error);
          }),
      ),
    );
  } finally {
    signal.removeEventListener('abort', onStop);
  }
  if (first) throw (first as { error: unknown }).error;
}
