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
