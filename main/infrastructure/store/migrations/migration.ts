import type { Database } from 'better-sqlite3';

/**
 * A numbered schema change. `up` (SQL) and then `run` (a change SQL cannot say, such as
 * rewriting stored JSON) run inside one transaction with the version bump.
 */
export interface Migration {
  version: number;
  name: string;
  up: string;
  run?: (db: Database) => void;
}
