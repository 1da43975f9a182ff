import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../services.ts';
import type { Services, ServicesOptions } from '../services.ts';
import { systemClock } from '../clock.ts';
import { createAesGcmCipher } from '../secrets/aes-gcm-cipher.ts';
import { loadHeadlessKey } from '../secrets/headless-key.ts';
import { DATABASE_FILE, defaultDataDir, keyFileFor } from '../paths.ts';
import { CUTOVER_VERSION } from '../version.ts';

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
  const { key, source } = loadHeadlessKey(process.env, keyFileFor(databasePath));
  return createServices({
    databasePath,
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
