import { describe, expect, it } from 'vitest';
import { planFlagStores } from '../../main/engine/migration/flag-stores.ts';
import type { FlagStore, MessageFlagChange } from '../../main/engine/migration/flag-stores.ts';
import { mulberry32 } from '../../bench/prng.ts';

/** What each message ends up with from the stores: flags added and removed, by UID. */
function applied(stores: FlagStore[]): Map<number, { add: string[]; remove: string[] }> {
  const result = new Map<number, { add: string[]; remove: string[] }>();
  for (const store of stores)
    for (const uid of store.uids) {
      const entry = result.get(uid) ?? { add: [], remove: [] };
      entry[store.change].push(...store.flags);
      result.set(uid, entry);
    }
  for (const entry of result.values()) {
    entry.add.sort();
    entry.remove.sort();
  }
  return result;
}

const wanted = (changes: MessageFlagChange[]) =>
  new Map(changes.map((c) => [c.uid, { add: [...c.add].sort(), remove: [...c.remove].sort() }]));

describe('the STOREs that carry flag changes', () => {
  it('groups by flag when that takes fewer commands: \\Seen added to 1 and 2, \\Flagged taken from 2 and 3', () => {
    const changes = [
      { uid: 1, add: ['\\Seen'], remove: [] },
      { uid: 2, add: ['\\Seen'], remove: ['\\Flagged'] },
      { uid: 3, add: [], remove: ['\\Flagged'] },
    ];
    const stores = planFlagStores(changes, 1000);
    expect(stores).toHaveLength(2);
    expect(applied(stores)).toEqual(wanted(changes));
  });

  it('groups by change when that takes fewer: flags that go to the same messages share a STORE', () => {
    const changes = [
      { uid: 1, add: ['$X', '$Y'], remove: [] },
      { uid: 2, add: ['$Y', '$Z'], remove: [] },
      { uid: 3, add: ['$Y', '$Z'], remove: [] },
    ];
    const stores = planFlagStores(changes, 1000);
    expect(stores).toHaveLength(2);
    expect(applied(stores)).toEqual(wanted(changes));
  });

  it('gives every message exactly its own changes, nothing more, whichever grouping wins', () => {
    const r = mulberry32(11);
    const flags = ['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '$Label1'];
    for (let round = 0; round < 200; round++) {
      const changes: MessageFlagChange[] = [];
      for (let uid = 1; uid <= 1 + r.int(0, 20); uid++) {
        const add = flags.filter(() => r.int(0, 3) === 0);
        const remove = flags.filter((f) => !add.includes(f) && r.int(0, 4) === 0);
        if (add.length + remove.length > 0) changes.push({ uid, add, remove });
      }
      const stores = planFlagStores(changes, 1000);
      expect(applied(stores)).toEqual(wanted(changes));
      for (const store of stores) expect(store.flags.length).toBeGreaterThan(0);
    }
  });
});
