import type { Migration } from './migration.ts';

/**
 * Which run is copying into which destination mailbox, across processes (the app and the CLI
 * on one database): a second run for the same mailbox waits, so two never both copy everything.
 * A claim whose holder stopped refreshing it, or whose process is gone, is taken over.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'mailbox-claims',
  up: `
    CREATE TABLE mailbox_claims (
      mailbox TEXT PRIMARY KEY,
      pid INTEGER NOT NULL,
      process_token TEXT NOT NULL,
      run TEXT NOT NULL,
      refreshed_at INTEGER NOT NULL
    );
  `,
};
