import { describe, expect, it } from 'vitest';
import { flagChanges, planFolderCopy } from '../../main/engine/migration/plan-folder-copy.ts';
import type { SourceMessage } from '../../main/engine/migration/plan-folder-copy.ts';
import type { LedgerEntry } from '../../main/infrastructure/store/ledger-repository.ts';

const src = (uid: number, key: string, flags: string[] = []): SourceMessage => ({
  uid,
  key,
  size: 100,
  flags,
  internalDate: null,
});
const dst = (uid: number, key: string) => ({ uid, key, flags: [] });
const led = (
  uid: number,
  destinationUid: number,
  messageKey: string,
  destinationUidValidity = 9,
): LedgerEntry => ({
  uid,
  destinationUid,
  destinationUidValidity,
  messageKey,
  flags: [],
});

describe('planFolderCopy', () => {
  it('copies everything into an empty folder', () => {
    const plan = planFolderCopy([src(1, 'a'), src(2, 'b')], [], new Map(), 9);
    expect(plan.toCopy.map((m) => m.uid)).toEqual([1, 2]);
    expect(plan.matched).toEqual([]);
  });

  it('copies k − n of k identical source messages when the destination holds n', () => {
    const source = [src(1, 'dup'), src(2, 'dup'), src(3, 'dup'), src(4, 'other')];
    const plan = planFolderCopy(source, [dst(50, 'dup')], new Map(), 9);
    expect(plan.toCopy.map((m) => m.uid)).toEqual([2, 3, 4]);
    expect(plan.matched.map((m) => [m.source.uid, m.destinationUid])).toEqual([[1, 50]]);
  });

  it('keeps two different messages that share a Message-ID (their keys differ by size)', () => {
    const plan = planFolderCopy(
      [src(1, 'id:<x>|100'), src(2, 'id:<x>|2048')],
      [dst(7, 'id:<x>|100')],
      new Map(),
      9,
    );
    expect(plan.toCopy.map((m) => m.uid)).toEqual([2]);
  });

  it('trusts the ledger where the destination still holds that message, and does not bring back one moved or deleted there', () => {
    const ledger = new Map([
      [1, led(1, 10, 'a')],
      [2, led(2, 11, 'b')], // destination UID 11 is gone: its owner moved or deleted it
      [3, led(3, 12, 'c', 8)], // destination folder was rebuilt (UIDVALIDITY 8 → 9)
    ]);
    const plan = planFolderCopy(
      [src(1, 'a'), src(2, 'b'), src(3, 'c')],
      [dst(10, 'a'), dst(40, 'c')],
      ledger,
      9,
    );
    expect(plan.matched.map((m) => [m.source.uid, m.destinationUid, m.ledger !== null])).toEqual([
      [1, 10, true],
      [3, 40, false],
    ]);
    expect(plan.toCopy.map((m) => m.uid)).toEqual([]);
    expect(plan.removedOnDestination.map((m) => m.uid)).toEqual([2]);
  });

  it('copies again what the ledger holds under another destination UIDVALIDITY (the folder was recreated)', () => {
    const plan = planFolderCopy([src(1, 'a')], [], new Map([[1, led(1, 10, 'a', 8)]]), 9);
    expect(plan.toCopy.map((m) => m.uid)).toEqual([1]);
    expect(plan.removedOnDestination).toEqual([]);
  });

  it('after a crash between APPEND and the ledger write, pairs the landed copy instead of duplicating it', () => {
    const ledger = new Map([[1, led(1, 10, 'a')]]);
    const plan = planFolderCopy(
      [src(1, 'a'), src(2, 'b'), src(3, 'c')],
      [dst(10, 'a'), dst(11, 'b')],
      ledger,
      9,
    );
    expect(plan.toCopy.map((m) => m.uid)).toEqual([3]);
    expect(plan.matched.find((m) => m.source.uid === 2)).toMatchObject({ destinationUid: 11, ledger: null });
  });

  it('never pairs two source messages with one destination message', () => {
    const ledger = new Map([[1, led(1, 10, 'a')]]);
    const plan = planFolderCopy([src(1, 'a'), src(2, 'a')], [dst(10, 'a')], ledger, 9);
    expect(plan.matched).toHaveLength(1);
    expect(plan.toCopy.map((m) => m.uid)).toEqual([2]);
  });

  it('lists ledger rows whose source message is gone', () => {
    const plan = planFolderCopy(
      [src(2, 'b')],
      [dst(11, 'b')],
      new Map([
        [1, led(1, 10, 'a')],
        [2, led(2, 11, 'b')],
      ]),
      9,
    );
    expect(plan.vanished).toEqual([1]);
  });
});

describe('flagChanges', () => {
  it('applies only what changed on the source, ignoring \\Recent', () => {
    expect(flagChanges(['\\Seen', '$Label1'], ['\\Flagged', '$Label1', '\\Recent'])).toEqual({
      add: ['\\Flagged'],
      remove: ['\\Seen'],
    });
    expect(flagChanges(['\\Seen'], ['\\Seen'])).toEqual({ add: [], remove: [] });
  });
});
