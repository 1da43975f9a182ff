import type { Migration } from './migration.ts';

/**
 * Password hashes imported from the old system, one per account, to create the same users on
 * the new service. The hash is password-equivalent for weak schemes, so it lives encrypted
 * in `secrets`; only its scheme and cost are plain. Removing the row (or its account or project)
 * removes the secret too.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'password-hashes',
  up: `
    CREATE TABLE password_hashes (
      account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      scheme TEXT NOT NULL,
      -- SHA-crypt's rounds= or bcrypt's cost, which some destinations limit; not secret.
      rounds INTEGER,
      secret_id INTEGER NOT NULL REFERENCES secrets(id),
      imported_at TEXT NOT NULL
    );

    CREATE TRIGGER password_hashes_remove_secret AFTER DELETE ON password_hashes
    BEGIN
      DELETE FROM secrets WHERE id = OLD.secret_id;
    END;
  `,
};
