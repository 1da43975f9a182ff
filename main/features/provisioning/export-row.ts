import type { ParsedHash } from './hash-schemes.ts';

/** One account as an export writes it: the login on the new service and its old hash. */
export interface ExportRow {
  /** The account as the project knows it (the old server's username), for messages. */
  username: string;
  /** The account's username on the new server (its local username). */
  login: string;
  hash: ParsedHash;
}

/** An account an export had to leave out, and why, in words. */
export interface LeftOut {
  username: string;
  reason: string;
}

/** What a writer made: the file's text, and the accounts it could not write. */
export interface WrittenFile {
  content: string;
  leftOut: LeftOut[];
}

/** The raw bytes of a digest hash (stored as base64), for writers that want hexadecimal. */
export function digestHex(hash: ParsedHash): string {
  return Buffer.from(hash.value, 'base64').toString('hex');
}
