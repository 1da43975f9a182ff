import { describe, expect, it } from 'vitest';
import { batchesOf, LARGE_MESSAGE_BYTES } from '../../main/engine/migration/copy-missing.ts';
import { readAhead } from '../../main/engine/migration/read-ahead.ts';
import { chooseSyncMode } from '../../main/engine/migration/sync-mode.ts';
import { expandUidSet } from '../../main/infrastructure/protocols/imap/append-messages.ts';
import type { SourceMessage } from '../../main/engine/migration/plan-folder-copy.ts';
import type { FolderSyncState } from '../../main/infrastructure/store/ledger-repository.ts';
import type { SourceFolderStatus } from '../../main/engine/migration/source-folder.ts';

const message = (uid: number, size: number): SourceMessage => ({
  uid,
  key: `id:<${uid}@x>|${size}`,
  size,
  flags: [],
  internalDate: null,
});
const uids = (batches: Iterable<SourceMessage[]>) => [...batches].map((b) => b.map((m) => m.uid));

describe('batches for MULTIAPPEND', () => {
  it('close at the byte or the message cap, and never hold two large messages', () => {
    const small = [1, 2, 3, 4, 5].map((uid) => message(uid, 100));
    expect(uids(batchesOf(small, 250, 10))).toEqual([[1, 2], [3, 4], [5]]);
    expect(uids(batchesOf(small, 10_000, 2))).toEqual([[1, 2], [3, 4], [5]]);
    const mixed = [message(1, 100), message(2, LARGE_MESSAGE_BYTES), message(3, 100), message(4, 5e6)];
    expect(uids(batchesOf(mixed, 64 * 1024 * 1024, 200))).toEqual([[1], [2], [3], [4]]);
  });

  it('give a message larger than the byte cap a batch of its own', () => {
    expect(uids(batchesOf([message(1, 10), message(2, 900), message(3, 10)], 500, 10))).toEqual([
      [1],
      [2],
      [3],
    ]);
  });
});

describe('readAhead', () => {
  it('loads the next item while the caller works on the current one, at most one ahead', async () => {
    const events: string[] = [];
    const load = async (n: number) => {
      events.push(`load ${n}`);
      await Promise.resolve();
      return n;
    };
    for await (const n of readAhead([1, 2, 3], load, () => {})) {
      events.push(`use ${n}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(events).toEqual(['load 1', 'load 2', 'use 1', 'load 3', 'use 2', 'use 3']);
  });

  it('hands a load still under way to drop when the caller stops, and reports a failed load in turn', async () => {
    const dropped: number[] = [];
    for await (const n of readAhead(
      [1, 2, 3],
      async (n) => n,
      (n) => dropped.push(n),
    )) {
      if (n === 1) break;
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(dropped).toEqual([2]);

    const seen: number[] = [];
    const failing = readAhead(
      [1, 2],
      async (n) => {
        if (n === 2) throw new Error('source gone');
        return n;
      },
      () => {},
    );
    await expect(
      (async () => {
        for await (const n of failing) seen.push(n);
      })(),
    ).rejects.toThrow('source gone');
    expect(seen).toEqual([1]);
  });
});

describe('APPENDUID sets', () => {
  it('expand ranges in either order and lists, and refuse anything else', () => {
    expect(expandUidSet('5:7,9')).toEqual([5, 6, 7, 9]);
    expect(expandUidSet('7:5')).toEqual([5, 6, 7]);
    expect(expandUidSet('12')).toEqual([12]);
    expect(expandUidSet('0:3')).toBeNull();
    expect(expandUidSet('1:*')).toBeNull();
    expect(expandUidSet('')).toBeNull();
  });
});

describe('chooseSyncMode', () => {
  const status = (over: Partial<SourceFolderStatus> = {}): SourceFolderStatus => ({
    uidValidity: 7,
    uidNext: 101,
    messages: 100,
    highestModseq: 500n,
    ascendingUids: true,
    knowsFlags: true,
    ...over,
  });
  const saved: FolderSyncState = {
    sourceUidValidity: 7,
    sourceUidNext: 101,
    sourceMessages: 100,
    sourceHighestModseq: 400n,
    destinationUidValidity: 3,
    destinationUidNext: 201,
    destinationMessages: 100,
  };
  const box = { uidValidity: 3, uidNext: 201, messages: 100 };
  const allPaired = () => 100;

  it('lists everything the first time, and after the source UIDVALIDITY changed', () => {
    expect(chooseSyncMode(null, status(), box, allPaired)).toEqual({ kind: 'full' });
    expect(chooseSyncMode(saved, status({ uidValidity: 8 }), box, allPaired)).toEqual({ kind: 'full' });
  });

  it('lists everything when the destination moved since the last sync', () => {
    for (const changed of [{ uidValidity: 4 }, { uidNext: 202 }, { messages: 99 }])
      expect(chooseSyncMode(saved, status(), { ...box, ...changed }, allPaired)).toEqual({ kind: 'full' });
  });

  it('only carries flags when neither side moved', () => {
    expect(chooseSyncMode(saved, status(), box, allPaired)).toEqual({ kind: 'unchanged' });
  });

  it('fetches only the new UIDs when the source gained mail and the ledger knows every destination message', () => {
    expect(chooseSyncMode(saved, status({ uidNext: 126, messages: 125 }), box, allPaired)).toEqual({
      kind: 'new-only',
      from: 101,
      to: 125,
    });
    // A destination message the ledger does not pair could be the twin of a new one.
    expect(chooseSyncMode(saved, status({ uidNext: 126, messages: 125 }), box, () => 99)).toEqual({
      kind: 'full',
    });
    // POP3: no UID order to rely on.
    expect(
      chooseSyncMode(saved, status({ uidNext: 126, messages: 125, ascendingUids: false }), box, allPaired),
    ).toEqual({ kind: 'full' });
  });
});
