// For any other server: username, scheme and hash, the hash written as LDAP directories keep
// a userPassword (RFC 2307's {CRYPT} for crypt strings, {SSHA}… for digests, in base64).
import { stringify } from 'csv-stringify/sync';
import type { ExportRow, WrittenFile } from './export-row.ts';
import type { ParsedHash } from './hash-schemes.ts';
import { HASH_SCHEMES } from './hash-schemes.ts';

const LDAP_DIGEST_NAMES: Partial<Record<ParsedHash['scheme'], string>> = {
  ssha: 'SSHA',
  ssha256: 'SSHA256',
  ssha512: 'SSHA512',
  smd5: 'SMD5',
  sha1: 'SHA',
  sha256: 'SHA256',
  sha512: 'SHA512',
  md5: 'MD5',
};

export function genericHashCsv(rows: ExportRow[]): WrittenFile {
  const records = rows.map((row) => [row.login, HASH_SCHEMES[row.hash.scheme].label, ldapHash(row.hash)]);
  const content = `\uFEFF${stringify([['username', 'scheme', 'password_hash'], ...records], { record_delimiter: 'windows' })}`;
  return { content, leftOut: [] };
}

function ldapHash(hash: ParsedHash): string {
  const digest = LDAP_DIGEST_NAMES[hash.scheme];
  if (digest) return `{${digest}}${hash.value}`;
  return `{${hash.scheme === 'argon2' ? 'ARGON2' : 'CRYPT'}}${hash.value}`;
}
