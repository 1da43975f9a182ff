import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';

describe('migration 0010-profile-sign-ins', () => {
  it('gives each server profile a sign-in, passwords (null) for the profiles saved before', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 9);
    db.prepare(
      "INSERT INTO projects (name, created_at, updated_at) VALUES ('Acme', '2026-11-24', '2026-11-24')",
    ).run();
    db.prepare(
      "INSERT INTO server_profiles (project_id, role, host, protocol) VALUES (1, 'source', 'old.test', 'imaps')",
    ).run();
    migrate(db, 10);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT host, sign_in FROM server_profiles').all()).toEqual([
      { host: 'old.test', sign_in: null },
    ]);
  });
});
