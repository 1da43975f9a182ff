import type { Migration } from './migration.ts';

/**
 * How a project server's mailboxes sign in (shared/sign-in.ts SignIn, as JSON with secret ids:
 * the secrets themselves stay encrypted in the secrets table); null: each mailbox's password.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'profile-sign-ins',
  up: `
    ALTER TABLE server_profiles ADD COLUMN sign_in TEXT;
  `,
};
