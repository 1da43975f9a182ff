import type { DestinationFolder } from './destination-folder.ts';

/**
 * "Never a duplicate", whoever else writes into the destination folder while this run does: a
 * second Cutover with another database (another laptop, a CLI with another --db), or any other
 * tool. Costs nothing while nobody else writes: the destination's UIDs are handed out in order,
 * so the UIDs of each APPEND (UIDPLUS) show whether anything else arrived since the listing or
 * the last batch. When something did, those messages are read (headers only) and:
 * - a message of ours the other writer had already stored (a lower UID, same key) is removed
 *   again, and the ledger points at the other copy. Two Cutovers doing this both keep the copy
 *   with the lower UID, so exactly one stays;
 * - the others' messages not matched yet are remembered: a later batch skips what they hold.
 * A destination without UIDPLUS says no UIDs, and gets no such check (the claim is the guard).
 */
export interface OtherWriters {
  /** The batch's messages another writer has already stored (to skip), and the rest. */
  beforeAppend<T>(
    messages: readonly T[],
    keyOf: (message: T) => string,
  ): { fresh: readonly T[]; alreadyThere: Array<{ message: T; destinationUid: number }> };
  /**
   * After an APPEND: for each message stored (its key and the UID it got, null when unknown),
   * the UID of another writer's earlier copy it was removed in favour of, if any.
   */
  afterAppend(stored: ReadonlyArray<{ key: string; uid: number | null }>): Promise<Map<number, number>>;
  /**
   * The folder's UIDNEXT when this run alone wrote into it since the listing: every APPEND said
   * its UIDs and they followed on from the listing without a gap. Null when that is not known.
   */
  uidNextIfAlone(): number | null;
}

export function watchOtherWriters(destination: DestinationFolder, listedUpTo: number): OtherWriters {
  // The first UID that would be new to this run: everything below was listed or is ours.
  let next = listedUpTo;
  let alone = true;
  const theirs = new Map<string, number[]>();
  const remember = (key: string, uid: number) => {
    const list = theirs.get(key);
    if (list) list.push(uid);
    else theirs.set(key, [uid]);
  };
  const take = (key: string, below = Infinity): number | undefined => {
    const list = theirs.get(key);
    const index = list?.findIndex((uid) => uid < below) ?? -1;
    if (!list || index < 0) return undefined;
    const [uid] = list.splice(index, 1);
    return uid;
  };

  return {
    beforeAppend(messages, keyOf) {
      // While nobody else wrote (the usual case), the batch goes as it is.
      if (theirs.size === 0) return { fresh: messages, alreadyThere: [] };
      const fresh: (typeof messages)[number][] = [];
      const alreadyThere: Array<{ message: (typeof messages)[number]; destinationUid: number }> = [];
      for (const message of messages) {
        const uid = take(keyOf(message));
        if (uid === undefined) fresh.push(message);
        else alreadyThere.push({ message, destinationUid: uid });
      }
      return { fresh, alreadyThere };
    },
    async afterAppend(stored) {
      const yielded = new Map<number, number>();
      const ours = stored.map((s) => s.uid).filter((uid): uid is number => uid !== null);
      if (ours.length === 0 || ours.length < stored.length) {
        alone = false;
        return yielded;
      }
      const highest = Math.max(...ours);
      const mine = new Set(ours);
      let gap = false;
      for (let uid = next; uid <= highest && !gap; uid++) gap = !mine.has(uid);
      const from = next;
      next = highest + 1;
      if (!gap) return yielded;
      alone = false;
      for (const message of await destination.list({ from, to: highest })) {
        if (!mine.has(message.uid)) remember(message.key, message.uid);
      }
      const remove: number[] = [];
      stored.forEach(({ key, uid }, index) => {
        const earlier = uid === null ? undefined : take(key, uid);
        if (earlier === undefined) return;
        yielded.set(index, earlier);
        remove.push(uid!);
      });
      if (remove.length > 0 && !(await destination.removeExactly(remove))) {
        // Could not remove ours: keep them, and let the ledger keep pointing at them.
        for (const index of yielded.keys()) remember(stored[index]!.key, yielded.get(index)!);
        return new Map();
      }
      return yielded;
    },
    uidNextIfAlone: () => (alone ? next : null),
  };
}
