import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';

const now = '2026-11-24T00:00:00.000Z';

/** 0001 starts from an empty file (version 0); these rows exercise its constraints. */
describe('migration 0001-initial', () => {
  const build = () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    expect(schemaVersion(db)).toBe(0);
    migrate(db, 1);
    return db;
  };

  it('links a project to its accounts, job, per-account and per-folder results, ledger and log', () => {
    const db = build();
    const project = db
      .prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run('Acme', now, now).lastInsertRowid;
    const account = db
      .prepare('INSERT INTO accounts (project_id, username, local_username, created_at) VALUES (?, ?, ?, ?)')
      .run(project, 'ann@acme.test', 'ann@acme.test', now).lastInsertRowid;
    const job = db
      .prepare('INSERT INTO jobs (project_id, name, spec, status, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(project, '1', '{}', 'queued', now).lastInsertRowid;
    const jobAccount = db
      .prepare('INSERT INTO job_accounts (job_id, account_id, username, local_username) VALUES (?, ?, ?, ?)')
      .run(job, account, 'ann@acme.test', 'ann@acme.test').lastInsertRowid;
    db.prepare(
      'INSERT INTO folder_results (job_account_id, source_folder, destination_folder, updated_at) VALUES (?, ?, ?, ?)',
    ).run(jobAccount, 'INBOX', 'INBOX', now);
    db.prepare(
      `INSERT INTO ledger (source_account, source_folder, uidvalidity, uid, destination_account, destination_folder, message_key, size, copied_at)
       VALUES ('old|ann', 'INBOX', 1, 1, 'new|ann', 'INBOX', '<a@b>', 10, ?)`,
    ).run(now);
    db.prepare(
      "INSERT INTO events (at, level, project_id, job_id, message) VALUES (?, 'info', ?, ?, 'started')",
    ).run(now, project, job);
    db.prepare(
      "INSERT INTO playbook_tasks (project_id, task_key, phase, updated_at) VALUES (?, 'lower-mx-ttl', 'prepare', ?)",
    ).run(project, now);
    db.prepare(
      "INSERT INTO diagnostic_results (project_id, kind, target, checked_at, verdict, result) VALUES (?, 'dns', 'acme.test', ?, 'ok', '{}')",
    ).run(project, now);

    db.prepare('DELETE FROM projects WHERE id = ?').run(project);
    for (const table of [
      'accounts',
      'jobs',
      'job_accounts',
      'folder_results',
      'events',
      'playbook_tasks',
      'diagnostic_results',
    ]) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    // The ledger is keyed by servers and accounts, not projects: it outlives a deleted project.
    expect(db.prepare('SELECT COUNT(*) FROM ledger').pluck().get()).toBe(1);
  });

  it('rejects values outside the allowed statuses and duplicate ledger entries', () => {
    const db = build();
    expect(() =>
      db
        .prepare("INSERT INTO jobs (name, spec, status, created_at) VALUES ('x', '{}', 'finished', ?)")
        .run(now),
    ).toThrow(/CHECK constraint/);
    const ledger = db.prepare(
      `INSERT INTO ledger (source_account, source_folder, uidvalidity, uid, destination_account, destination_folder, message_key, size, copied_at)
       VALUES ('s', 'INBOX', 7, 42, 'd', 'INBOX', 'k', 1, ?)`,
    );
    ledger.run(now);
    expect(() => ledger.run(now)).toThrow(/UNIQUE/);
  });

  it('refuses an account that points at a project that does not exist', () => {
    const db = build();
    expect(() =>
      db
        .prepare(
          'INSERT INTO accounts (project_id, username, local_username, created_at) VALUES (99, ?, ?, ?)',
        )
        .run('a', 'a', now),
    ).toThrow(/FOREIGN KEY/);
  });
});
