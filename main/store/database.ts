import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

/**
 * Opens (creating if needed) the one database file, in WAL mode with foreign keys enforced,
 * and migrates it to the newest schema. `:memory:` is accepted for tests.
 */
export function openDatabase(path: string, options: { migrateTo?: number } = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db, options.migrateTo);
  return db;
}
