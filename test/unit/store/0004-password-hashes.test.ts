import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import { createSecretRepository } from '../../../main/infrastructure/store/secret-repository.ts';
import { createAccountRepository } from '../../../main/infrastructure/store/account-repository.ts';
import { createPasswordHashRepository } from '../../../main/infrastructure/store/password-hash-repository.ts';
import { createAesGcmCipher } from '../../../main/infrastructure/secrets/aes-gcm-cipher.ts';
import { fixedClock } from '../../support/test-services.ts';

describe('migration 0004-password-hashes', () => {
  it('keeps the accounts of version 3, and the hashes it adds leave with their account or project', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 3);
    db.prepare(
      `INSERT INTO projects (id, name, customer, domains, cutover_date, created_at, updated_at)
       VALUES (7, 'Acme', '', '[]', NULL, 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO accounts (id, project_id, username, local_username, created_at)
       VALUES (1, 7, 'ann@acme.test', 'ann@acme.test', 't'), (2, 7, 'bob@acme.test', 'bob', 't')`,
    ).run();
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);

    const clock = fixedClock('2026-11-20T10:00:00.000Z');
    const secrets = createSecretRepository(db, createAesGcmCipher(randomBytes(32)), clock);
    const accounts = createAccountRepository(db, secrets, clock);
    expect(accounts.list(7).map((a) => [a.username, a.localUsername])).toEqual([
      ['ann@acme.test', 'ann@acme.test'],
      ['bob@acme.test', 'bob'],
    ]);

    const hashes = createPasswordHashRepository(db, secrets, clock);
    hashes.save(1, { scheme: 'md5-crypt', value: '$1$salt$hash' });
    hashes.save(2, { scheme: 'sha512-crypt', value: '$6$rounds=6000$salt$hash', rounds: 6000 });
    hashes.save(1, { scheme: 'ssha', value: 'c2FsdGVkIHNoYQ==' });
    expect(hashes.list(7)).toEqual([
      { accountId: 1, scheme: 'ssha', rounds: null, importedAt: '2026-11-20T10:00:00.000Z' },
      { accountId: 2, scheme: 'sha512-crypt', rounds: 6000, importedAt: '2026-11-20T10:00:00.000Z' },
    ]);
    expect(hashes.reveal(1)).toEqual({ scheme: 'ssha', value: 'c2FsdGVkIHNoYQ==' });
    const secretCount = () => (db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n;
    // Replacing a hash reuses its secret.
    expect(secretCount()).toBe(2);

    accounts.remove(1);
    expect(hashes.reveal(1)).toBeNull();
    expect(secretCount()).toBe(1);
    db.prepare('DELETE FROM projects WHERE id = 7').run();
    expect(hashes.list(7)).toEqual([]);
    expect(secretCount()).toBe(0);
  });
});
