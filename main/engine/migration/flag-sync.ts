import type { DestinationFolder } from './destination-folder.ts';
import type { FolderPairing, LedgerRepository } from '../../infrastructure/store/ledger-repository.ts';
import { flagChanges } from './plan-folder-copy.ts';

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
 * Carries what changed on the source since the ledger's record to the destination, one STORE
 * per distinct change (UIDs grouped, in ranges), then records the new flags. The ledger is
 * written only after the destination took the change; what it did not take is counted in
 * `failed`, so the caller keeps the folder's saved state from hiding it from the next run.
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
  const groups = new Map<string, { add: string[]; remove: string[]; states: FlagState[] }>();
  for (const state of states) {
    const wanted = flagChanges(state.recorded, state.current);
    const change = {
      add: wanted.add.filter((flag) => storableFlag(flag, permanentFlags)),
      remove: wanted.remove.filter((flag) => storableFlag(flag, permanentFlags)),
    };
    if (change.add.length + change.remove.length === 0) continue;
    const key = JSON.stringify(change);
    const group = groups.get(key) ?? { ...change, states: [] };
    group.states.push(state);
    groups.set(key, group);
  }
  const carried: Array<{ uid: number; flags: string[] }> = [];
  let failed = 0;
  for (const group of groups.values()) {
    for (let start = 0; start < group.states.length; start += UIDS_PER_STORE) {
      const part = group.states.slice(start, start + UIDS_PER_STORE);
      const range = uidRanges(part.map((s) => s.destinationUid));
      // A STORE the server refused leaves those messages unrecorded.
      const added = group.add.length === 0 || (await destination.storeFlags(range, 'add', group.add));
      const removed =
        group.remove.length === 0 || (await destination.storeFlags(range, 'remove', group.remove));
      if (added && removed) carried.push(...part.map((s) => ({ uid: s.uid, flags: s.current })));
      else failed += part.length;
    }
  }
  ledger.updateFlags(pairing, sourceUidValidity, carried);
  return { carried: carried.length, failed };
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
