import { randomBytes } from 'node:crypto';
import { openSync, readFileSync, statSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface HeadlessKey {
  key: Buffer;
  /** Where the key came from, for `app.info` and error messages (never the key itself). */
  source: string;
}

/**
 * The headless hosts' encryption key: `CUTOVER_SECRET_KEY` (64 hex characters or base64 of
 * 32 bytes) when set, else a key file beside the database, created once with mode 0600.
 */
export function loadHeadlessKey(
  env: NodeJS.ProcessEnv,
  keyFilePath: string,
  /** `mayCreate: false` when the database already holds passwords made with a key file. */
  options: { mayCreate: boolean; databasePath?: string } = { mayCreate: true },
): HeadlessKey {
  const fromEnv = env['CUTOVER_SECRET_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { key: parseKey(fromEnv, 'CUTOVER_SECRET_KEY'), source: 'CUTOVER_SECRET_KEY' };
  }
  try {
    const mode = statSync(keyFilePath).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `The key file ${keyFilePath} can be read by other users (mode ${mode.toString(8)}). Run: chmod 600 "${keyFilePath}"`,
      );
    }
    return { key: parseKey(readFileSync(keyFilePath, 'utf8').trim(), keyFilePath), source: keyFilePath };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!options.mayCreate) {
    throw new Error(
      `The key file ${keyFilePath} is missing. The passwords stored in ${options.databasePath ?? 'the database'} were encrypted with it and cannot be read without it: put the file back (mode 0600), or set CUTOVER_SECRET_KEY to the same key. Nothing was changed.`,
    );
  }
  mkdirSync(dirname(keyFilePath), { recursive: true });
  const key = randomBytes(32);
  // 'wx' fails if another process created the file first; mode applies at creation.
  const fd = openSync(keyFilePath, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
  return { key, source: keyFilePath };
}

function parseKey(text: string, where: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const decoded = Buffer.from(text, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(text)) return decoded;
  throw new Error(
    `${where} must hold a 32-byte key: 64 hexadecimal characters or 44 base64 characters. Make one with: openssl rand -hex 32`,
  );
}
