import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import { createUploadDayRepository } from '../../../main/infrastructure/store/upload-day-repository.ts';

describe('migration 0009-upload-days', () => {
  it('adds the bytes stored per mailbox and day, keeping the ledger as it was', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 8);
    const ledgerRows = () => db.prepare('SELECT COUNT(*) AS n FROM ledger').get();
    const before = ledgerRows();
    migrate(db, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(ledgerRows()).toEqual(before);

    const uploads = createUploadDayRepository(db);
    expect(uploads.uploaded('new.test/ann', '2026-11-24')).toBe(0);
    uploads.add('new.test/ann', '2026-11-24', 700);
    uploads.add('new.test/ann', '2026-11-24', 300);
    uploads.add('new.test/ann', '2026-11-25', 5);
    uploads.add('new.test/bob', '2026-11-24', 0);
    expect(uploads.uploaded('new.test/ann', '2026-11-24')).toBe(1000);
    expect(uploads.uploaded('new.test/ann', '2026-11-25')).toBe(5);
    expect(db.prepare('SELECT COUNT(*) AS n FROM upload_days').get()).toEqual({ n: 2 });
  });
});
