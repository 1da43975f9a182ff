// Reading a hash list (/etc/shadow, Dovecot passwd-file, CSV) line by line, with the numbers
// the admin sees in their editor, and matching each line to one of the project's accounts.
import { describe, expect, it } from 'vitest';
import { parseHashList } from '../../../main/features/provisioning/hash-list.ts';
import { matchHashes } from '../../../main/features/provisioning/match-accounts.ts';
import type { Account } from '../../../preload/contract.ts';
import { doveadmPw, opensslPasswd } from '../../support/password-hashes.ts';

const sha512 = opensslPasswd('-6', 'pw-ann');
const md5 = opensslPasswd('-1', 'pw-bob');
const ssha = doveadmPw('SSHA', 'pw-carl');
const bcrypt = doveadmPw('BLF-CRYPT', 'pw-dora');

function account(id: number, username: string, localUsername = username): Account {
  return {
    id,
    projectId: 1,
    username,
    localUsername,
    hasSourcePassword: true,
    hasDestinationPassword: false,
  };
}

describe('parseHashList', () => {
  it('reads /etc/shadow: the hash is the second field; locked and disabled users have none', () => {
    const text = [
      'root:*:19700:0:99999:7:::',
      `ann:${sha512}:19700:0:99999:7:::`,
      '',
      '# a comment',
      `bob:${md5}:19700:0:99999:7:::`,
      'old:!$6$abc$def:19700::::::',
      'nopw::19700::::::',
    ].join('\n');
    const list = parseHashList(text);
    expect(list.format).toBe('shadow');
    expect(list.errors).toEqual([]);
    expect(list.entries.map((e) => [e.line, e.username, e.field.kind])).toEqual([
      [1, 'root', 'none'],
      [2, 'ann', 'hash'],
      [5, 'bob', 'hash'],
      [6, 'old', 'none'],
      [7, 'nopw', 'none'],
    ]);
    expect(list.entries[1]?.field).toEqual({ kind: 'hash', hash: { scheme: 'sha512-crypt', value: sha512 } });
    expect(list.entries[3]?.field).toMatchObject({
      reason: expect.stringMatching(/locked on the old system/),
    });
  });

  it('reads a Dovecot passwd-file with {SCHEME} prefixes and extra fields', () => {
    const text = `carl@acme.test:${ssha}:1000:1000::/home/carl::userdb_quota_rule=*:storage=1G\ndora@acme.test:${bcrypt}\n`;
    const list = parseHashList(text);
    expect(list.format).toBe('passwd-file');
    expect(list.entries.map((e) => [e.username, e.field.kind === 'hash' && e.field.hash.scheme])).toEqual([
      ['carl@acme.test', 'ssha'],
      ['dora@acme.test', 'bcrypt'],
    ]);
  });

  it('reads user,hash CSV with a header, quotes and another delimiter, and says when a line is not that', () => {
    const csv = parseHashList(
      `username,password_hash\n"ann@acme.test",${sha512}\n bob@acme.test , ${md5} \n`,
    );
    expect(csv.format).toBe('csv');
    expect(csv.errors).toEqual([]);
    expect(csv.entries.map((e) => [e.line, e.username, e.field.kind])).toEqual([
      [2, 'ann@acme.test', 'hash'],
      [3, 'bob@acme.test', 'hash'],
    ]);
    expect(parseHashList(`ann;${sha512}\nbob;${md5}`).entries).toHaveLength(2);

    const bad = parseHashList(`ann,${sha512}\nbob\ncarl,${md5},extra\n"dora,${md5}`);
    expect(bad.errors).toEqual([
      { line: 2, message: 'line 2: write the user and the hash separated by “,”, as in ann,$6$…' },
      {
        line: 3,
        message: 'line 3: “carl” has 3 fields; write the user and the hash separated by “,”, as in ann,$6$…',
      },
      { line: 4, message: 'line 4: a double quote opens a field but never closes it.' },
    ]);
  });

  it('honours a chosen format, and refuses an empty list', () => {
    expect(parseHashList(`ann:${sha512}`, 'csv').errors[0]?.message).toMatch(
      /^line 1: write the user and the hash/,
    );
    expect(parseHashList('\n# nothing\n').errors).toEqual([{ line: 0, message: 'The list is empty.' }]);
  });
});

describe('matchHashes', () => {
  const accounts = [
    account(1, 'ann@acme.test'),
    account(2, 'bob@acme.test', 'robert@new.test'),
    account(3, 'carl'),
    account(4, 'dora@acme.test'),
    account(5, 'dora@other.test'),
  ];

  it('matches by the old username, or by the part before @ when only one account fits', () => {
    const list = parseHashList(
      [
        `ann:${sha512}`,
        `BOB@acme.test:${md5}`,
        `carl@acme.test:${ssha}`,
        `dora:${bcrypt}`,
        `eve:${md5}`,
        'daemon:*',
      ].join('\n'),
    );
    const match = matchHashes(list.entries, accounts);
    expect(match.matched.map((m) => [m.line, m.account.id, m.hash.scheme])).toEqual([
      [1, 1, 'sha512-crypt'],
      [2, 2, 'md5-crypt'],
      [3, 3, 'ssha'],
    ]);
    expect(match.unmatched).toEqual([
      {
        line: 4,
        username: 'dora',
        reason: 'it could be any of dora@acme.test, dora@other.test: write the full address in the list.',
      },
      { line: 5, username: 'eve', reason: 'no account of this project is called “eve”.' },
    ]);
    // A system user without a password is neither an account nor worth a line in the report.
    expect(match.ignored).toBe(1);
    expect(match.errors).toEqual([]);
  });

  it('reports a bad hash of an account, and an account listed twice, by line', () => {
    const list = parseHashList(
      [`ann:${sha512.slice(0, -2)}`, `carl:${ssha}`, `carl@acme.test:${md5}`, 'bob:!!'].join('\n'),
    );
    const match = matchHashes(list.entries, accounts);
    expect(match.errors).toEqual([
      {
        line: 1,
        message:
          'line 1: the hash of “ann” cannot be used: it looks like SHA-512-crypt ($6$), but has 84 characters in its last part instead of 86: it may have been cut off or changed when it was copied.',
      },
      {
        line: 3,
        message: 'line 3: “carl@acme.test” is the account carl again, as on line 2; list each user once.',
      },
    ]);
    expect(match.skipped).toEqual([
      {
        line: 4,
        username: 'bob',
        reason: 'it has no password that works on the old system (locked or disabled).',
      },
    ]);
  });
});
