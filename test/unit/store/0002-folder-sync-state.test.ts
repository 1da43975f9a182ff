import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import { createLedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import { fixedClock } from '../../support/test-services.ts';

describe('migration 0002-folder-sync-state', () => {
  it('keeps ledger rows written by version 1 and adds the folder state table', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 1);
    db.prepare(
      `INSERT INTO ledger (source_account, source_folder, uidvalidity, uid, destination_account, destination_folder,
         destination_uid, message_key, size, flags, copied_at)
       VALUES ('imaps://old:993/ann', 'INBOX', 77, 5, 'imaps://new:993/ann', 'INBOX', 9, 'id:<a@b>|10', 10, '["\\\\Seen"]', 't')`,
    ).run();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    const ledger = createLedgerRepository(db, fixedClock());
    const pairing = {
      sourceAccount: 'imaps://old:993/ann',
      sourceFolder: 'INBOX',
      destinationAccount: 'imaps://new:993/ann',
      destinationFolder: 'INBOX',
    };
    expect(ledger.entries(pairing, 77).get(5)).toEqual({
      uid: 5,
      destinationUid: 9,
      destinationUidValidity: null,
      messageKey: 'id:<a@b>|10',
      flags: ['\\Seen'],
    });
    expect(ledger.syncState(pairing)).toBeNull();
    const state = {
      sourceUidValidity: 77,
      sourceUidNext: 6,
      sourceMessages: 1,
      sourceHighestModseq: 2n ** 60n,
      destinationUidValidity: 3,
      destinationUidNext: 10,
      destinationMessages: 1,
    };
    ledger.saveSyncState(pairing, state);
    expect(ledger.syncState(pairing)).toEqual(state);
  });
});
