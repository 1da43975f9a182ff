import type { DestinationFolder } from './destination-folder.ts';
import type { FolderPairing, LedgerRepository } from '../../infrastructure/store/ledger-repository.ts';
import { flagChanges } from './plan-folder-copy.ts';
import { planFlagStores } from './flag-stores.ts';
import type { MessageFlagChange } from './flag-stores.ts';

/** A copied message: its flags when the ledger recorded it, and on the source now. */
export interface FlagState {
  uid: number;
  destinationUid: number;
  recorded: readonly string[];
  current: string[];
}

/** UIDs a STORE names at most: keeps the command line well under servers' limits (Dovecot 64 KB). */
const UIDS_PER_STORE = 1000;

/**
 * Carries what changed on the source since the ledger's record to the destination, in as few
 * STOREs as planFlagStores finds (UIDs in ranges), then records the new flags. The ledger is
 * written only after the destination took every change of a message; what it did not take is
 * counted in `failed`, so the caller keeps the folder's saved state from hiding it from the next run.
 */
export async function carryFlagChanges(
  destination: DestinationFolder,
  ledger: LedgerRepository,
  pairing: FolderPairing,
  sourceUidValidity: number,
  states: Iterable<FlagState>,
  /** The destination folder's PERMANENTFLAGS: keywords it cannot keep are not asked for. */
  permanentFlags: Set<string> | null = null,
): Promise<{ carried: number; failed: number }> {
  const changing: FlagState[] = [];
  const changes: MessageFlagChange[] = [];
  for (const state of states) {
    const wanted = flagChanges(state.recorded, state.current);
    const add = wanted.add.filter((flag) => storableFlag(flag, permanentFlags));
    const remove = wanted.remove.filter((flag) => storableFlag(flag, permanentFlags));
    if (add.length + remove.length === 0) continue;
    changing.push(state);
    changes.push({ uid: state.destinationUid, add, remove });
  }
  const refused = new Set<number>();
  for (const store of planFlagStores(changes, UIDS_PER_STORE)) {
    for (let start = 0; start < store.uids.length; start += UIDS_PER_STORE) {
      const part = store.uids.slice(start, start + UIDS_PER_STORE);
      // A STORE the server refused leaves those messages unrecorded.
      if (!(await destination.storeFlags(uidRanges(part), store.change, store.flags)))
        for (const uid of part) refused.add(uid);
    }
  }
  const carried = changing
    .filter((state) => !refused.has(state.destinationUid))
    .map((state) => ({ uid: state.uid, flags: state.current }));
  ledger.updateFlags(pairing, sourceUidValidity, carried);
  return { carried: carried.length, failed: changing.length - carried.length };
}

/** Whether the destination keeps this flag: system flags always, keywords where PERMANENTFLAGS allow. */
export function storableFlag(flag: string, permanent: Set<string> | null): boolean {
  if (flag === '\\Recent') return false;
  if (flag.startsWith('\\') || permanent === null) return true;
  return permanent.has('\\*') || permanent.has(flag);
}

/** "3,5,6,7,9" as "3,5:7,9". */
export function uidRanges(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(first === sorted[i] ? String(first) : `${first}:${sorted[i]}`);
  }
  return parts.join(',');
}
