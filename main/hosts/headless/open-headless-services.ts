import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../services.ts';
import type { Services, ServicesOptions } from '../services.ts';
import { systemClock } from '../../infrastructure/clock.ts';
import { createAesGcmCipher } from '../../infrastructure/secrets/aes-gcm-cipher.ts';
import { loadHeadlessKey } from '../../infrastructure/secrets/headless-key.ts';
import { DATABASE_FILE, defaultDataDir, keyFileFor } from '../../infrastructure/paths.ts';
import { CUTOVER_VERSION } from '../../infrastructure/version.ts';
import { openDatabase } from '../../infrastructure/store/database.ts';
import type { SecretCipher } from '../../infrastructure/secrets/secret-cipher.ts';
import type { Database } from 'better-sqlite3';

function holdsSecrets(db: Database): boolean {
  return db.prepare('SELECT 1 FROM secrets LIMIT 1').get() !== undefined;
}

/** The database the CLI and web host use: `--db`, else the desktop app's own file. */
export function resolveDatabasePath(dbOption: string | undefined): string {
  if (dbOption) return resolve(dbOption);
  return join(defaultDataDir(process.platform, process.env, homedir()), DATABASE_FILE);
}

/**
 * The key-file cipher of a database (CUTOVER_SECRET_KEY, else `<database>.key`, mode 0600): the
 * CLI's and web host's, and the desktop app's on a computer without a keyring. A new key only
 * for a database that holds no password yet. `created`: the key file was made just now.
 */
export function keyFileCipher(
  db: Database,
  databasePath: string,
): { cipher: SecretCipher; secretStorage: string; created: boolean } {
  const keyFile = keyFileFor(databasePath);
  const existed = existsSync(keyFile);
  const { key, source } = loadHeadlessKey(process.env, keyFile, {
    mayCreate: !holdsSecrets(db),
    databasePath,
  });
  return {
    cipher: createAesGcmCipher(key),
    secretStorage:
      source === 'CUTOVER_SECRET_KEY'
        ? 'AES-256-GCM, key from CUTOVER_SECRET_KEY'
        : `AES-256-GCM, key file ${source}`,
    created: source !== 'CUTOVER_SECRET_KEY' && !existed,
  };
}

/** Services for the CLI and web host: the same as the app's, with a key of their own. */
export function openHeadlessServices(
  databasePath: string,
  diagnostics?: ServicesOptions['diagnostics'],
): Services {
  // The database first: no key file is made beside a file that is not a Cutover database.
  const db = openDatabase(databasePath);
  let keyed: ReturnType<typeof keyFileCipher>;
  try {
    keyed = keyFileCipher(db, databasePath);
  } catch (error) {
    db.close();
    throw error;
  }
  return createServices({
    databasePath,
    db,
    cipher: keyed.cipher,
    clock: systemClock,
    host: 'web',
    version: CUTOVER_VERSION,
    ...(diagnostics ? { diagnostics } : {}),
    secretStorage: keyed.secretStorage,
  });
}
