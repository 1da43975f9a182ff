import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.ts';
import { migrations as allMigrations } from './migrations/index.ts';

/** The schema version a database file is at (SQLite's user_version). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to `target` (default: newest), one migration per transaction, so a crash
 * between two leaves the file at a known version. Refuses a file newer than this build.
 */
export function migrate(
  db: Database,
  target?: number,
  migrations: readonly Migration[] = allMigrations,
): number {
  const newest = migrations.at(-1)?.version ?? 0;
  const goal = target ?? newest;
  const current = schemaVersion(db);
  if (current > newest) {
    throw new Error(
      `This database was written by a newer Cutover (schema ${current}; this version knows up to ${newest}). Update Cutover to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > goal) continue;
    db.transaction(() => {
      db.exec(migration.up);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
