/** One UID STORE: these flags added to (or removed from) these destination messages. */
export interface FlagStore {
  change: 'add' | 'remove';
  flags: string[];
  uids: number[];
}

/** What one destination message needs: only its own changes, never a flag it did not change. */
export interface MessageFlagChange {
  uid: number;
  add: readonly string[];
  remove: readonly string[];
}

/**
 * The STOREs that carry every message's changes, as few as either grouping gives: one per
 * distinct change (messages that gained and lost the same flags), or one per flag and direction,
 * where flags that go to exactly the same messages share one. Each STORE is a round trip (imapflow
 * sends one command at a time): \Seen added to messages 1 and 2 and \Flagged taken from 2 and 3
 * is two STOREs by flag and four by change.
 */
export function planFlagStores(changes: readonly MessageFlagChange[], uidsPerStore: number): FlagStore[] {
  const byChange = storesByChange(changes);
  const byFlag = storesByFlag(changes);
  const commands = (stores: FlagStore[]) =>
    stores.reduce((sum, store) => sum + Math.ceil(store.uids.length / uidsPerStore), 0);
  return commands(byFlag) < commands(byChange) ? byFlag : byChange;
}

function storesByChange(changes: readonly MessageFlagChange[]): FlagStore[] {
  const groups = new Map<string, { add: string[]; remove: string[]; uids: number[] }>();
  for (const { uid, add, remove } of changes) {
    const key = JSON.stringify([[...add].sort(), [...remove].sort()]);
    const group = groups.get(key) ?? { add: [...add].sort(), remove: [...remove].sort(), uids: [] };
    group.uids.push(uid);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ add, remove, uids }) => [
    ...(add.length > 0 ? [{ change: 'add' as const, flags: add, uids }] : []),
    ...(remove.length > 0 ? [{ change: 'remove' as const, flags: remove, uids }] : []),
  ]);
}

function storesByFlag(changes: readonly MessageFlagChange[]): FlagStore[] {
  const perFlag = new Map<string, { change: FlagStore['change']; flag: string; uids: number[] }>();
  const note = (change: FlagStore['change'], flag: string, uid: number) => {
    const key = `${change} ${flag}`;
    const entry = perFlag.get(key) ?? { change, flag, uids: [] };
    entry.uids.push(uid);
    perFlag.set(key, entry);
  };
  for (const { uid, add, remove } of changes) {
    for (const flag of add) note('add', flag, uid);
    for (const flag of remove) note('remove', flag, uid);
  }
  const stores = new Map<string, FlagStore>();
  for (const { change, flag, uids } of perFlag.values()) {
    const key = `${change} ${[...uids].sort((a, b) => a - b).join(',')}`;
    const store = stores.get(key);
    if (store) store.flags.push(flag);
    else stores.set(key, { change, flags: [flag], uids });
  }
  return [...stores.values()];
}
