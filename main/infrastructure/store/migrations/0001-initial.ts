import type { Migration } from './migration.ts';

/** The first schema: every table the foundation names. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE projects (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      customer TEXT NOT NULL DEFAULT '',
      domains TEXT NOT NULL DEFAULT '[]',
      cutover_date TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- Encrypted at rest; the scheme says which cipher can open it.
    CREATE TABLE secrets (
      id INTEGER PRIMARY KEY,
      scheme TEXT NOT NULL,
      ciphertext BLOB NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE server_profiles (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('source', 'destination')),
      host TEXT NOT NULL,
      protocol TEXT NOT NULL CHECK (protocol IN ('imap', 'imaps', 'pop3', 'pop3s', 'auto')),
      ports TEXT NOT NULL DEFAULT '{}',
      allow_plaintext INTEGER NOT NULL DEFAULT 0,
      pinned_fingerprint TEXT,
      admin_username TEXT,
      admin_secret_id INTEGER REFERENCES secrets(id) ON DELETE SET NULL,
      UNIQUE (project_id, role)
    );

    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      username TEXT NOT NULL,
      local_username TEXT NOT NULL,
      source_secret_id INTEGER REFERENCES secrets(id) ON DELETE SET NULL,
      destination_secret_id INTEGER REFERENCES secrets(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      UNIQUE (project_id, username)
    );

    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY,
      project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
      name TEXT NOT NULL UNIQUE,
      spec TEXT NOT NULL,
      status TEXT NOT NULL
        CHECK (status IN ('queued', 'running', 'paused', 'done', 'partial', 'failed', 'cancelled')),
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT
    );

    CREATE TABLE job_accounts (
      id INTEGER PRIMARY KEY,
      job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
      username TEXT NOT NULL,
      local_username TEXT NOT NULL,
      source_secret_id INTEGER REFERENCES secrets(id) ON DELETE SET NULL,
      destination_secret_id INTEGER REFERENCES secrets(id) ON DELETE SET NULL,
      status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'done', 'partial', 'failed')),
      error_code TEXT,
      error_message TEXT,
      messages_total INTEGER NOT NULL DEFAULT 0,
      messages_copied INTEGER NOT NULL DEFAULT 0,
      messages_skipped INTEGER NOT NULL DEFAULT 0,
      messages_failed INTEGER NOT NULL DEFAULT 0,
      bytes_copied INTEGER NOT NULL DEFAULT 0,
      started_at TEXT,
      finished_at TEXT,
      UNIQUE (job_id, username)
    );

    CREATE TABLE folder_results (
      id INTEGER PRIMARY KEY,
      job_account_id INTEGER NOT NULL REFERENCES job_accounts(id) ON DELETE CASCADE,
      source_folder TEXT NOT NULL,
      destination_folder TEXT NOT NULL,
      uidvalidity INTEGER,
      uidnext INTEGER,
      messages_total INTEGER NOT NULL DEFAULT 0,
      copied INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'done', 'partial', 'failed', 'skipped')),
      error_code TEXT,
      error_message TEXT,
      updated_at TEXT NOT NULL,
      UNIQUE (job_account_id, source_folder)
    );

    -- One row per message that landed, written as it lands: a resumed job trusts this.
    CREATE TABLE ledger (
      id INTEGER PRIMARY KEY,
      source_account TEXT NOT NULL,
      source_folder TEXT NOT NULL,
      uidvalidity INTEGER NOT NULL,
      uid INTEGER NOT NULL,
      destination_account TEXT NOT NULL,
      destination_folder TEXT NOT NULL,
      destination_uid INTEGER,
      message_key TEXT NOT NULL,
      size INTEGER NOT NULL,
      flags TEXT NOT NULL DEFAULT '[]',
      copied_at TEXT NOT NULL,
      UNIQUE (source_account, source_folder, uidvalidity, uid, destination_account)
    );

    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('info', 'warn', 'error')),
      project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
      job_id INTEGER REFERENCES jobs(id) ON DELETE CASCADE,
      account TEXT,
      folder TEXT,
      code TEXT,
      message TEXT NOT NULL
    );
    CREATE INDEX events_by_project ON events (project_id, id);
    CREATE INDEX events_by_job ON events (job_id, account, id);

    CREATE TABLE playbook_tasks (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      task_key TEXT NOT NULL,
      phase TEXT NOT NULL CHECK (phase IN ('prepare', 'pre-migrate', 'cutover', 'post-migrate')),
      status TEXT NOT NULL DEFAULT 'not-started'
        CHECK (status IN ('not-started', 'in-progress', 'complete', 'delayed')),
      notes TEXT NOT NULL DEFAULT '',
      completed_at TEXT,
      updated_at TEXT NOT NULL,
      UNIQUE (project_id, task_key)
    );

    CREATE TABLE diagnostic_results (
      id INTEGER PRIMARY KEY,
      project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('certificate', 'dns')),
      target TEXT NOT NULL,
      checked_at TEXT NOT NULL,
      verdict TEXT NOT NULL,
      result TEXT NOT NULL
    );
    CREATE INDEX diagnostic_results_by_target ON diagnostic_results (kind, target, checked_at);
  `,
};
