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
import type { Database } from 'better-sqlite3';

function holdsSecrets(db: Database): boolean {
  return db.prepare('SELECT 1 FROM secrets LIMIT 1').get() !== undefined;
}

/** The database the CLI and web host use: `--db`, else the desktop app's own file. */
export function resolveDatabasePath(dbOption: string | undefined): string {
  if (dbOption) return resolve(dbOption);
  return join(defaultDataDir(process.platform, process.env, homedir()), DATABASE_FILE);
}

/** Services for the CLI and web host: the same as the app's, with a key of their own. */
export function openHeadlessServices(
  databasePath: string,
  diagnostics?: ServicesOptions['diagnostics'],
): Services {
  // The database first: no key file is made beside a file that is not a Cutover database, and
  // a new key only for a database that holds no password yet.
  const db = openDatabase(databasePath);
  let loaded: ReturnType<typeof loadHeadlessKey>;
  try {
    loaded = loadHeadlessKey(process.env, keyFileFor(databasePath), {
      mayCreate: !holdsSecrets(db),
      databasePath,
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const { key, source } = loaded;
  return createServices({
    databasePath,
    db,
    cipher: createAesGcmCipher(key),
    clock: systemClock,
    host: 'web',
    version: CUTOVER_VERSION,
    ...(diagnostics ? { diagnostics } : {}),
    secretStorage:
      source === 'CUTOVER_SECRET_KEY'
        ? 'AES-256-GCM, key from CUTOVER_SECRET_KEY'
        : `AES-256-GCM, key file ${source}`,
  });
}
