import type { ImapFlow } from 'imapflow';
import type { FolderPairing, LedgerRepository } from '../store/ledger-repository.ts';
import { flagChanges } from './plan-folder-copy.ts';

/** A copied message: its flags when the ledger recorded it, and on the source now. */
export interface FlagState {
  uid: number;
  destinationUid: number;
  recorded: readonly string[];
  current: string[];
}

/**
 * Carries what changed on the source since the ledger's record to the destination, one STORE
 * per distinct change (UIDs grouped), then records the new flags. The ledger is written only
 * after the destination took the change, so a dropped connection leaves it to the next run.
 * Returns how many messages changed.
 */
export async function carryFlagChanges(
  destination: ImapFlow,
  ledger: LedgerRepository,
  pairing: FolderPairing,
  sourceUidValidity: number,
  states: Iterable<FlagState>,
): Promise<number> {
  const groups = new Map<string, { add: string[]; remove: string[]; states: FlagState[] }>();
  for (const state of states) {
    const change = flagChanges(state.recorded, state.current);
    if (change.add.length + change.remove.length === 0) continue;
    const key = JSON.stringify(change);
    const group = groups.get(key) ?? { ...change, states: [] };
    group.states.push(state);
    groups.set(key, group);
  }
  const carried: Array<{ uid: number; flags: string[] }> = [];
  for (const group of groups.values()) {
    const range = group.states.map((s) => s.destinationUid).join(',');
    const options = { uid: true, silent: true };
    // imapflow answers false instead of throwing when a STORE fails: those stay unrecorded.
    const added = group.add.length === 0 || (await destination.messageFlagsAdd(range, group.add, options));
    const removed =
      group.remove.length === 0 || (await destination.messageFlagsRemove(range, group.remove, options));
    if (added && removed) carried.push(...group.states.map((s) => ({ uid: s.uid, flags: s.current })));
  }
  ledger.updateFlags(pairing, sourceUidValidity, carried);
  return carried.length;
}
