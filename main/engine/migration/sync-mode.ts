import type { FolderSyncState } from '../../infrastructure/store/ledger-repository.ts';
import type { SourceFolderStatus } from './source-folder.ts';

/** The destination folder as SELECT reported it. */
export interface DestinationCounters {
  uidValidity: number;
  uidNext: number;
  messages: number;
}

/**
 * How much of a folder a run has to look at:
 * - `unchanged`: neither side moved since the last complete sync; only flags can have changed.
 * - `new-only`: the destination is exactly as the last complete sync left it, every message on
 *   it is one the ledger pairs with a source message, and the source only gained messages
 *   (UIDs `from`…`to`) or lost some: copy the new ones, no header listing of either side.
 * - `full`: list both sides and match them (first run, UIDVALIDITY changed, destination changed).
 */
export type SyncMode =
  { kind: 'unchanged' } | { kind: 'new-only'; from: number; to: number } | { kind: 'full' };

export function chooseSyncMode(
  saved: FolderSyncState | null,
  source: SourceFolderStatus,
  destination: DestinationCounters,
  /** Destination messages the ledger pairs with a source message (asked only when it matters). */
  pairedDestinationMessages: () => number,
): SyncMode {
  if (!saved || saved.sourceUidValidity !== source.uidValidity) return { kind: 'full' };
  const destinationAsLeft =
    saved.destinationUidValidity === destination.uidValidity &&
    saved.destinationUidNext === destination.uidNext &&
    saved.destinationMessages === destination.messages;
  if (!destinationAsLeft) return { kind: 'full' };
  if (saved.sourceUidNext === source.uidNext && saved.sourceMessages === source.messages)
    return { kind: 'unchanged' };
  if (!source.ascendingUids || source.uidNext < saved.sourceUidNext) return { kind: 'full' };
  // A destination message the ledger does not know (there before the first run, say) could be
  // the twin of a new source message: only a full listing matches those.
  if (pairedDestinationMessages() !== destination.messages) return { kind: 'full' };
  return { kind: 'new-only', from: saved.sourceUidNext, to: source.uidNext - 1 };
}

/** A folder's counters as a listing reported them (LIST-STATUS or STATUS); any may be missing. */
export interface ListedCounters {
  messages?: number | undefined;
  uidNext?: number | undefined;
  uidValidity?: bigint | undefined;
  highestModseq?: bigint | undefined;
}

/**
 * True when the listings of both sides show a folder exactly as the last complete sync left it:
 * same UIDVALIDITY, UIDNEXT and count on both, and (CONDSTORE) the same HIGHESTMODSEQ on the
 * source, so not even a flag changed. Such a folder is not opened at all. Without a modseq
 * flags could have changed unseen, so the folder is opened as before.
 */
export function unchangedByListing(
  saved: FolderSyncState | null,
  listed: { source?: ListedCounters | undefined; destination?: ListedCounters | undefined },
): boolean {
  const { source, destination } = listed;
  if (!saved || !source || !destination || saved.sourceHighestModseq === null) return false;
  return (
    source.uidValidity !== undefined &&
    Number(source.uidValidity) === saved.sourceUidValidity &&
    source.uidNext === saved.sourceUidNext &&
    source.messages === saved.sourceMessages &&
    source.highestModseq === saved.sourceHighestModseq &&
    destination.uidValidity !== undefined &&
    Number(destination.uidValidity) === saved.destinationUidValidity &&
    destination.uidNext === saved.destinationUidNext &&
    destination.messages === saved.destinationMessages
  );
}
