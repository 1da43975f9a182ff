// The Dovecot passwd-file: `user:{SCHEME}hash` a line, which Dovecot reads as a passdb
// (dovecot/documentation, docs/core/config/auth/databases/passwd_file.md: "For a passdb
// it's enough to have only the user and password fields").
import type { ParsedHash } from './hash-schemes.ts';
import { HASH_SCHEMES } from './hash-schemes.ts';
import type { ExportRow, WrittenFile } from './export-row.ts';
import { digestHex } from './export-row.ts';

export function dovecotPasswdFile(rows: ExportRow[], heading: string[]): WrittenFile {
  const lines = heading.map((text) => `# ${text}`);
  lines.push(
    '# Use it as a passdb:  passdb { driver = passwd-file  args = /etc/dovecot/cutover-users }',
    '# (the mailboxes still need a userdb: uid, gid and home, from this file or another).',
  );
  const leftOut: WrittenFile['leftOut'] = [];
  for (const row of rows) {
    if (/[:\s]/.test(row.login)) {
      leftOut.push({
        username: row.username,
        reason: 'a passwd-file cannot hold a username with a colon or a space.',
      });
      continue;
    }
    lines.push(`${row.login}:${dovecotHash(row.hash)}`);
  }
  return { content: `${lines.join('\n')}\n`, leftOut };
}

/** The hash as Dovecot writes it: `{SCHEME}` and the hash in that scheme's default encoding. */
export function dovecotHash(hash: ParsedHash): string {
  if (hash.scheme === 'argon2') {
    // Dovecot 2.3 knows ARGON2I and ARGON2ID; the plain ARGON2 name came later.
    return `{${hash.value.startsWith('$argon2id$') ? 'ARGON2ID' : 'ARGON2I'}}${hash.value}`;
  }
  const name = HASH_SCHEMES[hash.scheme].dovecot;
  // PLAIN-MD5 is hex by default; every other digest scheme is base64.
  return `{${name}}${hash.scheme === 'md5' ? digestHex(hash) : hash.value}`;
}
