import type { Migration } from './migration.ts';

/**
 * What each folder looked like on both sides after its last complete sync, so a re-run can
 * skip an unchanged folder without fetching its headers, and fetch only changed flags
 * (CONDSTORE) when nothing else moved. The ledger learns the destination's UIDVALIDITY so
 * its destination UIDs are never trusted across a rebuilt destination folder.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'folder-sync-state',
  up: `
    CREATE TABLE folder_sync_state (
      source_account TEXT NOT NULL,
      source_folder TEXT NOT NULL,
      destination_account TEXT NOT NULL,
      destination_folder TEXT NOT NULL,
      source_uidvalidity INTEGER NOT NULL,
      source_uidnext INTEGER NOT NULL,
      source_messages INTEGER NOT NULL,
      source_highest_modseq TEXT,
      destination_uidvalidity INTEGER NOT NULL,
      destination_uidnext INTEGER NOT NULL,
      destination_messages INTEGER NOT NULL,
      synced_at TEXT NOT NULL,
      PRIMARY KEY (source_account, source_folder, destination_account)
    );

    ALTER TABLE ledger ADD COLUMN destination_uidvalidity INTEGER;
    CREATE INDEX ledger_by_folder ON ledger (source_account, source_folder, destination_account, uidvalidity);
  `,
};
