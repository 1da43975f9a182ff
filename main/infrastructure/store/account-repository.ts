import type { Database } from 'better-sqlite3';
import type { Account } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';
import type { SecretRepository } from './secret-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';

interface AccountRow {
  id: number;
  project_id: number;
  username: string;
  local_username: string;
  source_secret_id: number | null;
  destination_secret_id: number | null;
}

export interface NewAccount {
  projectId: number;
  username: string;
  localUsername?: string | undefined;
  password?: string | undefined;
  localPassword?: string | undefined;
}

export type PasswordSide = 'source' | 'destination';

/** Mailboxes of a project. Passwords go in through here and come out only via `revealPassword`. */
export interface AccountRepository {
  list(projectId: number): Account[];
  get(id: number): Account;
  add(account: NewAccount): Account;
  setPassword(id: number, side: PasswordSide, password: string): Account;
  setLocalUsername(id: number, localUsername: string): Account;
  /** Deletes the account and its stored passwords (its jobs can no longer log in for it). */
  remove(id: number): Account;
  /** For the login test in main; never exposed through the API. */
  revealPassword(id: number, side: PasswordSide): string | null;
  /**
   * Which stored secrets hold the account's passwords, for jobs that refer to them (a job
   * keeps no copy: a password fixed here is fixed for every job). Null when the account is gone.
   */
  secretIds(id: number): { source: number | null; destination: number | null } | null;
}

export function createAccountRepository(
  db: Database,
  secrets: SecretRepository,
  clock: Clock,
): AccountRepository {
  const byProject = db.prepare<[number], AccountRow>(
    'SELECT * FROM accounts WHERE project_id = ? ORDER BY username',
  );
  const one = db.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  const projectExists = db.prepare<[number], { id: number }>('SELECT id FROM projects WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO accounts (project_id, username, local_username, source_secret_id, destination_secret_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const setLocal = db.prepare('UPDATE accounts SET local_username = ? WHERE id = ?');
  const removeRow = db.prepare('DELETE FROM accounts WHERE id = ?');
  const setSecret = {
    source: db.prepare('UPDATE accounts SET source_secret_id = ? WHERE id = ?'),
    destination: db.prepare('UPDATE accounts SET destination_secret_id = ? WHERE id = ?'),
  };

  const row = (id: number): AccountRow => {
    const found = one.get(id);
    if (!found) throw new ServiceError('not-found', `There is no account with id ${id}.`);
    return found;
  };
  const secretId = (r: AccountRow, side: PasswordSide) =>
    side === 'source' ? r.source_secret_id : r.destination_secret_id;

  return {
    list: (projectId) => byProject.all(projectId).map(toAccount),
    get: (id) => toAccount(row(id)),
    add(account) {
      if (!projectExists.get(account.projectId)) {
        throw new ServiceError('not-found', `There is no project with id ${account.projectId}.`);
      }
      const write = db.transaction(() => {
        const source = account.password ? secrets.put(account.password) : null;
        const destination = account.localPassword ? secrets.put(account.localPassword) : null;
        const local = account.localUsername?.trim() || account.username;
        return insert.run(
          account.projectId,
          account.username,
          local,
          source,
          destination,
          clock.now().toISOString(),
        );
      });
      try {
        return toAccount(row(Number(write().lastInsertRowid)));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new ServiceError(
            'already-exists',
            `The account ${account.username} is already in this project.`,
            'username',
          );
        }
        throw error;
      }
    },
    setPassword(id, side, password) {
      const current = row(id);
      db.transaction(() => {
        const existing = secretId(current, side);
        if (existing !== null) secrets.replace(existing, password);
        else setSecret[side].run(secrets.put(password), id);
      })();
      return toAccount(row(id));
    },
    setLocalUsername(id, localUsername) {
      row(id);
      setLocal.run(localUsername, id);
      return toAccount(row(id));
    },
    remove(id) {
      const current = row(id);
      db.transaction(() => {
        removeRow.run(id);
        for (const secret of [current.source_secret_id, current.destination_secret_id]) {
          if (secret !== null) secrets.remove(secret);
        }
      })();
      return toAccount(current);
    },
    secretIds(id) {
      const found = one.get(id);
      return found ? { source: found.source_secret_id, destination: found.destination_secret_id } : null;
    },
    revealPassword(id, side) {
      const existing = secretId(row(id), side);
      return existing === null ? null : secrets.reveal(existing);
    },
  };
}

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    projectId: r.project_id,
    username: r.username,
    localUsername: r.local_username,
    hasSourcePassword: r.source_secret_id !== null,
    hasDestinationPassword: r.destination_secret_id !== null,
  };
}
