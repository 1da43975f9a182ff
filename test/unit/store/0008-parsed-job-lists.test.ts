import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';

describe('migration 0008-parsed-job-lists', () => {
  it('stores the skip and translate lists of existing jobs parsed, as new jobs are', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 7);
    const before = {
      source: { host: 'old.test' },
      destination: { host: 'new.test' },
      skip: 'Trash\nArchive/2019/*\n',
      translate: 'Sent Items,Sent\nOld; stuff:Archive/Old stuff\n',
      translateDelimiter: null,
      concurrency: 4,
    };
    db.prepare(`INSERT INTO jobs (name, spec, status, created_at) VALUES ('office', ?, 'paused', 't')`).run(
      JSON.stringify(before),
    );
    migrate(db, 8);
    expect(schemaVersion(db)).toBe(8);
    const spec = JSON.parse((db.prepare('SELECT spec FROM jobs').get() as { spec: string }).spec);
    expect(spec).toEqual({
      source: { host: 'old.test' },
      destination: { host: 'new.test' },
      concurrency: 4,
      skip: [
        { path: ['Trash'], subtree: false, separator: '.', line: 1 },
        { path: ['Archive', '2019'], subtree: true, separator: '/', line: 2 },
      ],
      translations: [
        expect.objectContaining({ source: ['Sent Items'], destination: ['Sent'], line: 1 }),
        expect.objectContaining({ source: ['Old; stuff'], destination: ['Archive', 'Old stuff'], line: 2 }),
      ],
    });
  });
});
