import type { Migration } from './migration.ts';

/** The project's aliases: addresses that deliver to mailboxes, to create again on the new service. */
export const migration0005: Migration = {
  version: 5,
  name: 'aliases',
  up: `
    CREATE TABLE aliases (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      address TEXT NOT NULL COLLATE NOCASE,
      -- JSON array of the addresses it delivers to.
      targets TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (project_id, address)
    );
  `,
};
