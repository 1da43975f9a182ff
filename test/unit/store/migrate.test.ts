import { describe, expect, it, afterAll } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import { migrations } from '../../../main/infrastructure/store/migrations/index.ts';
import { openDatabase } from '../../../main/infrastructure/store/database.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const dir = makeTempDir('migrate');
afterAll(() => dir.remove());

const tables = (db: BetterSqlite3.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);

describe('schema migrations', () => {
  it('are numbered 1, 2, 3… without gaps, so "each earlier version" is well defined', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('build every table the foundation needs from an empty file, in WAL mode with foreign keys on', () => {
    const path = join(dir.path, 'fresh.db');
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'projects',
        'server_profiles',
        'accounts',
        'secrets',
        'jobs',
        'job_accounts',
        'folder_results',
        'ledger',
        'events',
        'playbook_tasks',
        'diagnostic_results',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(existsSync(`${path}-wal`) || existsSync(path)).toBe(true);
  });

  it('apply from each earlier version and keep the rows already there', () => {
    for (const from of migrations.map((m) => m.version - 1)) {
      const db = new BetterSqlite3(':memory:');
      migrate(db, from);
      expect(schemaVersion(db)).toBe(from);
      const projectsBefore = from >= 1 ? insertProject(db, `p${from}`) : null;
      migrate(db);
      expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
      if (projectsBefore !== null) {
        expect(db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(projectsBefore)).toBe(
          `p${from}`,
        );
      }
      db.close();
    }
  });

  it('is idempotent: migrating a current file changes nothing', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const id = insertProject(db, 'kept');
    expect(migrate(db)).toBe(migrations.at(-1)!.version);
    expect(db.prepare('SELECT COUNT(*) FROM projects').pluck().get()).toBe(1);
    expect(db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(id)).toBe('kept');
    db.close();
  });

  it('refuses a file written by a newer Cutover instead of damaging it', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer Cutover.*Update Cutover/);
    db.close();
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: 'CREATE TABLE half (x); SELECT * FROM missing_table;',
      },
    ];
    expect(() => migrate(db, undefined, broken)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tables(db)).not.toContain('half');
    db.close();
  });
});

function insertProject(db: BetterSqlite3.Database, name: string): number {
  const now = '2026-11-24T00:00:00.000Z';
  return Number(
    db.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now)
      .lastInsertRowid,
  );
}
