import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../../main/infrastructure/store/migrate.ts';
import { createLedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import type { NewLedgerEntry } from '../../../main/infrastructure/store/ledger-repository.ts';
import { fixedClock } from '../../support/test-services.ts';

const pairing = {
  sourceAccount: 'imaps://old:993/ann',
  sourceFolder: 'INBOX',
  destinationAccount: 'imaps://new:993/ann',
  destinationFolder: 'INBOX',
};
const row = (uid: number, destinationUid: number | null, destinationUidValidity = 3): NewLedgerEntry => ({
  uid,
  destinationUid,
  destinationUidValidity,
  messageKey: `id:<${uid}@x>|10`,
  size: 10,
  flags: ['\\Seen'],
});

function ledger() {
  const db = new BetterSqlite3(':memory:');
  migrate(db);
  return { db, ledger: createLedgerRepository(db, fixedClock()) };
}

describe('ledger repository', () => {
  it('records a batch in one transaction: a failing row leaves none of the batch behind', () => {
    const { db, ledger: repo } = ledger();
    repo.recordMany(pairing, 77, [row(1, 11), row(2, 12)]);
    expect([...repo.entries(pairing, 77).keys()]).toEqual([1, 2]);
    db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON ledger WHEN NEW.uid = 5 BEGIN SELECT RAISE(ABORT, 'no'); END`,
    );
    expect(() => repo.recordMany(pairing, 77, [row(3, 13), row(4, 14), row(5, 15)])).toThrow('no');
    expect([...repo.entries(pairing, 77).keys()]).toEqual([1, 2]);
  });

  it('updates the flags of several messages at once', () => {
    const { ledger: repo } = ledger();
    repo.recordMany(pairing, 77, [row(1, 11), row(2, 12), row(3, 13)]);
    repo.updateFlags(pairing, 77, [
      { uid: 1, flags: [] },
      { uid: 3, flags: ['\\Flagged'] },
    ]);
    const entries = repo.entries(pairing, 77);
    expect([1, 2, 3].map((uid) => entries.get(uid)!.flags)).toEqual([[], ['\\Seen'], ['\\Flagged']]);
  });

  it('counts the distinct destination messages it pairs, under one destination UIDVALIDITY', () => {
    const { ledger: repo } = ledger();
    repo.recordMany(pairing, 77, [row(1, 11), row(2, 12), row(3, null), row(4, 12), row(5, 15, 4)]);
    repo.recordMany(pairing, 78, [row(6, 16)]);
    repo.recordMany({ ...pairing, sourceFolder: 'Sent' }, 77, [row(7, 17)]);
    expect(repo.pairedDestinationMessages(pairing, 77, 3)).toBe(2);
    expect(repo.pairedDestinationMessages(pairing, 77, 4)).toBe(1);
    expect(repo.pairedDestinationMessages({ ...pairing, destinationFolder: 'Other' }, 77, 3)).toBe(0);
  });

  it('keeps a folder state for the destination folder it was saved for only', () => {
    const { ledger: repo } = ledger();
    const state = {
      sourceUidValidity: 77,
      sourceUidNext: 6,
      sourceMessages: 5,
      sourceHighestModseq: 9n,
      destinationUidValidity: 3,
      destinationUidNext: 16,
      destinationMessages: 5,
    };
    repo.saveSyncState(pairing, state);
    expect(repo.syncState(pairing)).toEqual(state);
    expect(repo.syncState({ ...pairing, destinationFolder: 'Posteingang' })).toBeNull();
  });
});
