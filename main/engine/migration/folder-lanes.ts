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

/** Lanes an account copies on at most: its own connections and one more pair. */
export const MAX_LANES = 2;

/**
 * A second pair of connections pays for its logins (about ten round trips) when two or more
 * folders are copied for the first time and there is enough of them: one folder's first fetch and
 * last APPEND then overlap the other's transfer. On a re-run, when three or more folders changed
 * since the last sync: each costs a few round trips (open, list, fetch, APPEND, STOREs), which
 * two lanes halve once the second has logged in.
 */
export function worthASecondLane(firstCopies: readonly number[], changedSinceLastSync = 0): boolean {
  if (changedSinceLastSync >= 3) return true;
  return firstCopies.length >= 2 && firstCopies.reduce((a, b) => a + b, 0) >= 200;
}

/**
 * The account's own connections, and a second pair when `wanted`, being opened meanwhile: the
 * first lane starts at once. A second pair the servers refuse (too many connections, say) is
 * not needed: the first lane copies every folder.
 */
export function openLanes(options: {
  first: LaneConnections;
  wanted: boolean;
  open(): Promise<LaneConnections>;
}): Array<Promise<LaneConnections | null>> {
  const first = Promise.resolve(options.first);
  return options.wanted ? [first, options.open().catch(() => null)] : [first];
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
