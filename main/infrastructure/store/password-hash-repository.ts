import type { Database } from 'better-sqlite3';
import type { HashScheme } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';
import type { SecretRepository } from './secret-repository.ts';

/** A stored hash: its scheme and cost are plain, the hash text is a secret. */
export interface StoredHash {
  scheme: HashScheme;
  value: string;
  rounds?: number;
}

/** What may be listed without decrypting anything. */
export interface StoredHashInfo {
  accountId: number;
  scheme: HashScheme;
  rounds: number | null;
  importedAt: string;
}

interface Row {
  account_id: number;
  scheme: HashScheme;
  rounds: number | null;
  secret_id: number;
  imported_at: string;
}

/** The old system's password hashes, one per account, encrypted like passwords. */
export interface PasswordHashRepository {
  list(projectId: number): StoredHashInfo[];
  /** Stores or replaces the hash of one account. */
  save(accountId: number, hash: StoredHash): void;
  /** For the export in main; never sent through the API. */
  reveal(accountId: number): StoredHash | null;
  /** Forgets every hash of the project (their secrets go with them); returns how many. */
  removeForProject(projectId: number): number;
}

export function createPasswordHashRepository(
  db: Database,
  secrets: SecretRepository,
  clock: Clock,
): PasswordHashRepository {
  const byProject = db.prepare<[number], Row>(
    `SELECT h.* FROM password_hashes h JOIN accounts a ON a.id = h.account_id WHERE a.project_id = ?`,
  );
  const one = db.prepare<[number], Row>('SELECT * FROM password_hashes WHERE account_id = ?');
  const insert = db.prepare(
    'INSERT INTO password_hashes (account_id, scheme, rounds, secret_id, imported_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE password_hashes SET scheme = ?, rounds = ?, imported_at = ? WHERE account_id = ?',
  );
  const removeAll = db.prepare(
    'DELETE FROM password_hashes WHERE account_id IN (SELECT id FROM accounts WHERE project_id = ?)',
  );

  return {
    list: (projectId) =>
      byProject.all(projectId).map((row) => ({
        accountId: row.account_id,
        scheme: row.scheme,
        rounds: row.rounds,
        importedAt: row.imported_at,
      })),
    save(accountId, hash) {
      const now = clock.now().toISOString();
      const rounds = hash.rounds ?? null;
      db.transaction(() => {
        const existing = one.get(accountId);
        if (existing) {
          secrets.replace(existing.secret_id, hash.value);
          update.run(hash.scheme, rounds, now, accountId);
        } else {
          insert.run(accountId, hash.scheme, rounds, secrets.put(hash.value), now);
        }
      })();
    },
    reveal(accountId) {
      const row = one.get(accountId);
      if (!row) return null;
      const value = secrets.reveal(row.secret_id);
      return { scheme: row.scheme, value, ...(row.rounds === null ? {} : { rounds: row.rounds }) };
    },
    removeForProject: (projectId) => removeAll.run(projectId).changes,
  };
}
