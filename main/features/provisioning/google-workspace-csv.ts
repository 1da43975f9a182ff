// Google Workspace's user-upload CSV with carried-over hashes. The column names are those of
// the Admin console's blank template (Directory → Users → Bulk update users); only the
// required ones and "Password Hash Function" are written, the others may stay out or empty.
import { stringify } from 'csv-stringify/sync';
import type { ExportRow, LeftOut, WrittenFile } from './export-row.ts';
import { digestHex } from './export-row.ts';
import type { ParsedHash } from './hash-schemes.ts';

const COLUMNS = [
  'First Name [Required]',
  'Last Name [Required]',
  'Email Address [Required]',
  'Password [Required]',
  'Password Hash Function [UPLOAD ONLY]',
  'Org Unit Path [Required]',
] as const;

/** Google's names can each be 60 characters long (its CSV help). */
const MAX_NAME = 60;

/**
 * One row per account. Google needs a first and last name; with none known, they are made
 * from the address (ann.lee@ → Ann, Lee; ann@ → Ann, Ann) for the admin to correct.
 * `domains`: the project's; a username without @ gets the domain when there is only one.
 */
export function googleWorkspaceCsv(rows: ExportRow[], domains: string[]): WrittenFile {
  const leftOut: LeftOut[] = [];
  const records: string[][] = [];
  for (const row of rows) {
    const email = row.login.includes('@')
      ? row.login
      : domains.length === 1
        ? `${row.login}@${domains[0]}`
        : undefined;
    if (email === undefined) {
      leftOut.push({
        username: row.username,
        reason:
          'Google needs a full e-mail address: give this account its new address as its username on the new server.',
      });
      continue;
    }
    const [first, last] = namesOf(email);
    const { password, hashFunction } = googleHash(row.hash);
    records.push([first, last, email, password, hashFunction, '/']);
  }
  // A byte-order mark: Google's help asks for UTF-8 with BOM for non-ASCII names.
  const content = `\uFEFF${stringify([[...COLUMNS], ...records], { record_delimiter: 'windows' })}`;
  return { content, leftOut };
}

/** The Password and Password Hash Function cells: crypt strings as they are, digests in hex. */
function googleHash(hash: ParsedHash): { password: string; hashFunction: string } {
  if (hash.scheme === 'sha1') return { password: digestHex(hash), hashFunction: 'SHA-1' };
  if (hash.scheme === 'md5') return { password: digestHex(hash), hashFunction: 'MD5' };
  return { password: hash.value, hashFunction: 'crypt' };
}

function namesOf(email: string): [string, string] {
  const words = email
    .slice(0, email.lastIndexOf('@'))
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => (word[0]!.toUpperCase() + word.slice(1)).slice(0, MAX_NAME));
  const first = words[0] ?? 'User';
  return [first, words.length > 1 ? words.slice(1).join(' ').slice(0, MAX_NAME) : first];
}
