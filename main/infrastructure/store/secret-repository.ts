import type { Database } from 'better-sqlite3';
import type { SecretCipher } from '../secrets/secret-cipher.ts';
import type { Clock } from '../clock.ts';

/** A secret that was removed (its server's settings changed) while something still refers to it. */
export class MissingSecretError extends Error {
  constructor(id: number) {
    super(`No stored secret with id ${id}.`);
    this.name = 'MissingSecretError';
  }
}

/** Stores passwords encrypted; only services in main read them back, never the UI. */
export interface SecretRepository {
  put(plain: string): number;
  replace(id: number, plain: string): void;
  reveal(id: number): string;
  remove(id: number): void;
}

export function createSecretRepository(db: Database, cipher: SecretCipher, clock: Clock): SecretRepository {
  const insert = db.prepare('INSERT INTO secrets (scheme, ciphertext, created_at) VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE secrets SET scheme = ?, ciphertext = ? WHERE id = ?');
  const select = db.prepare<[number], { scheme: string; ciphertext: Buffer }>(
    'SELECT scheme, ciphertext FROM secrets WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM secrets WHERE id = ?');
  return {
    put(plain) {
      return Number(
        insert.run(cipher.scheme, cipher.encrypt(plain), clock.now().toISOString()).lastInsertRowid,
      );
    },
    replace(id, plain) {
      update.run(cipher.scheme, cipher.encrypt(plain), id);
    },
    reveal(id) {
      const row = select.get(id);
      if (!row) throw new MissingSecretError(id);
      if (row.scheme !== cipher.scheme) {
        throw new Error(
          `This password was stored by ${describeScheme(row.scheme)} and cannot be read by ${describeScheme(cipher.scheme)}. Enter it again here.`,
        );
      }
      return cipher.decrypt(row.ciphertext);
    },
    remove(id) {
      remove.run(id);
    },
  };
}

function describeScheme(scheme: string): string {
  return scheme === 'electron-safe-storage' ? 'the desktop app' : 'the command line or web host';
}
