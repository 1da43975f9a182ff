import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Passwords are decrypted at the moment of login only: outside the stores that keep them and
// the login code, no file in main/ calls anything that returns a decrypted secret.
const root = join(import.meta.dirname, '../..');
const READS_A_SECRET = /\.(reveal|revealPassword|revealAdminPassword)\(/;
const ALLOWED = new Map([
  // The stores that keep secrets: they decrypt for the readers they define.
  ['main/infrastructure/store/account-repository.ts', 'revealPassword'],
  ['main/infrastructure/store/server-profile-repository.ts', 'revealAdminPassword'],
  ['main/infrastructure/store/password-hash-repository.ts', 'the old password hashes'],
  // The login code.
  ['main/engine/migration/login.ts', 'the engine logs in'],
  ['main/engine/migration/access-tokens.ts', 'the engine asks for an OAuth2 token to log in with'],
  ['main/engine/migration/account-sign-in.ts', "a user's sign-in sends the app's client secret"],
  ['main/features/playbook/checks/destination-logins.ts', 'the login test logs in'],
  // Old password hashes (not passwords) written into the new service's users file.
  ['main/features/provisioning/export-hashes.ts', 'exports hashes for provisioning'],
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('who reads a decrypted password', () => {
  it('is only the stores and the login code', () => {
    const readers = sources(join(root, 'main'))
      .filter((file) => READS_A_SECRET.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split('\\').join('/'))
      .sort();
    expect(readers).toEqual([...ALLOWED.keys()].sort());
  });
});
