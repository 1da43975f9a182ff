import type { Migration } from './migration.ts';

/**
 * The bytes stored into each destination mailbox per calendar day, for servers with a daily
 * upload limit (Gmail's for IMAP): a job resumed the same day, or in another process, counts
 * what was already stored today.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'upload-days',
  up: `
    CREATE TABLE upload_days (
      destination_account TEXT NOT NULL,
      day TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      PRIMARY KEY (destination_account, day)
    );
  `,
};
