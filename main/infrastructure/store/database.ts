import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

/** A database file that cannot be used, said in words that tell what to do. */
export class DatabaseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}

/**
 * Opens (creating if needed, readable by its owner only) the one database file, in WAL mode
 * with foreign keys enforced, checks it is a Cutover database in one piece, and migrates it to
 * the newest schema. `:memory:` is accepted for tests.
 */
export function openDatabase(path: string, options: { migrateTo?: number } = {}): Database {
  if (path !== ':memory:') createPrivately(path);
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path);
    db.pragma('busy_timeout = 5000');
    // Before anything writes: a file that is not ours, or is damaged, is left as it is.
    if (path !== ':memory:') checkWhole(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, options.migrateTo);
    return db;
  } catch (error) {
    db?.close();
    throw explain(error, path);
  }
}

/** Passwords live in it: a new file is made 0600 before SQLite opens it (WAL files copy the mode). */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path)) return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function checkWhole(db: Database, path: string): void {
  const problems = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
  if (problems.length !== 1 || problems[0]!.quick_check !== 'ok') {
    throw new DatabaseFileError(
      `The database ${path} is damaged (${problems
        .slice(0, 3)
        .map((p) => p.quick_check)
        .join(
          '; ',
        )}). Restore it from a backup, or start with a new file (--db); Cutover has not changed it.`,
    );
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };
  if (version === 0 && tables.n > 0) {
    throw new DatabaseFileError(
      `${path} is an SQLite database, but not Cutover's. Choose another file (--db); Cutover has not changed it.`,
    );
  }
}

function explain(error: unknown, path: string): Error {
  if (error instanceof DatabaseFileError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB')
    return new DatabaseFileError(
      `${path} is not a Cutover database (it is not an SQLite file). Choose another file (--db); Cutover has not changed it.`,
    );
  if (code === 'SQLITE_CORRUPT')
    return new DatabaseFileError(
      `The database ${path} is damaged. Restore it from a backup, or start with a new file (--db); Cutover has not changed it.`,
    );
  return error as Error;
}
