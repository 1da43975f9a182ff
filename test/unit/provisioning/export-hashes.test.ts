// The bulk-provisioning files: a Dovecot passwd-file, Google Workspace's user-upload CSV and a
// generic CSV, each with only the accounts whose hash that service takes.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportHashes } from '../../../main/features/provisioning/export-hashes.ts';
import { detectHash } from '../../../main/features/provisioning/detect-hash.ts';
import type { ParsedHash } from '../../../main/features/provisioning/hash-schemes.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import type { Account, DestinationKind, Project } from '../../../preload/contract.ts';
import { doveadmPw, opensslPasswd, withoutPrefix } from '../../support/password-hashes.ts';

const project: Project = {
  id: 1,
  name: 'Acme & Co',
  customer: '',
  cutoverDate: null,
  accountCount: 0,
  updatedAt: '',
  domains: ['acme.test'],
  createdAt: '',
};
const now = new Date('2026-11-24T09:00:00Z');

function parsed(text: string): ParsedHash {
  const check = detectHash(text);
  if (!check.ok) throw new Error(check.problem);
  return check.hash;
}

const hashes = {
  ann: parsed(opensslPasswd('-6', 'pw-ann')),
  bob: parsed(opensslPasswd('-1', 'pw-bob')),
  carl: parsed(doveadmPw('SSHA', 'pw-carl')),
  dora: parsed(doveadmPw('SHA', 'pw-dora')),
  eve: parsed(doveadmPw('PLAIN-MD5', 'pw-eve')),
  finn: parsed(withoutPrefix(doveadmPw('SHA512-CRYPT', 'pw-finn', 20_000))),
  gus: parsed(doveadmPw('BLF-CRYPT', 'pw-gus')),
} satisfies Record<string, ParsedHash>;

const names = ['ann', 'bob', 'carl', 'dora', 'eve', 'finn', 'gus', 'hal'] as const;
const accounts: Account[] = names.map((name, index) => ({
  id: index + 1,
  projectId: 1,
  username: `${name}@old.test`,
  // ann keeps a bare local username: Google's file gets the project's one domain added.
  localUsername: name === 'ann' ? 'ann.lee' : `${name}@acme.test`,
  hasSourcePassword: true,
  hasDestinationPassword: false,
}));
const store = {
  reveal: (accountId: number) => (hashes as Record<string, ParsedHash>)[names[accountId - 1]!] ?? null,
};

function exportFor(kind: DestinationKind) {
  return exportHashes(project, accounts, store, kind, now);
}

describe('the Dovecot passwd-file', () => {
  it('writes user:{SCHEME}hash for every scheme, as Dovecot names and encodes them', () => {
    const file = exportFor('dovecot');
    expect(file.fileName).toBe('cutover-acme-co-dovecot-users.passwd');
    const lines = file.content.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines).toEqual([
      `ann.lee:{SHA512-CRYPT}${hashes.ann.value}`,
      `bob@acme.test:{MD5-CRYPT}${hashes.bob.value}`,
      `carl@acme.test:{SSHA}${hashes.carl.value}`,
      `dora@acme.test:{SHA}${hashes.dora.value}`,
      // PLAIN-MD5 is hexadecimal by default in Dovecot.
      `eve@acme.test:{PLAIN-MD5}${Buffer.from(hashes.eve.value, 'base64').toString('hex')}`,
      `finn@acme.test:{SHA512-CRYPT}${hashes.finn.value}`,
      `gus@acme.test:{BLF-CRYPT}${hashes.gus.value}`,
    ]);
    expect(file.content).toMatch(/^# Dovecot passwd-file written by Cutover for the project "Acme & Co"/);
    expect(file.included).toBe(7);
    expect(file.leftOut).toEqual([
      { username: 'hal@old.test', reason: 'no old password hash was imported for it.' },
    ]);
  });
});

describe('the Google Workspace CSV', () => {
  it('has the template’s column names, crypt strings as they are and digests in hex', () => {
    const file = exportFor('google-workspace');
    expect(file.fileName).toBe('cutover-acme-co-google-workspace-users.csv');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const rows = parse(file.content, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'First Name [Required]',
      'Last Name [Required]',
      'Email Address [Required]',
      'Password [Required]',
      'Password Hash Function [UPLOAD ONLY]',
      'Org Unit Path [Required]',
    ]);
    expect(rows.slice(1)).toEqual([
      ['Ann', 'Lee', 'ann.lee@acme.test', hashes.ann.value, 'crypt', '/'],
      ['Bob', 'Bob', 'bob@acme.test', hashes.bob.value, 'crypt', '/'],
      [
        'Dora',
        'Dora',
        'dora@acme.test',
        Buffer.from(hashes.dora.value, 'base64').toString('hex'),
        'SHA-1',
        '/',
      ],
      ['Eve', 'Eve', 'eve@acme.test', Buffer.from(hashes.eve.value, 'base64').toString('hex'), 'MD5', '/'],
    ]);
    expect(file.leftOut).toEqual([
      {
        username: 'carl@old.test',
        reason: 'Salted SHA-1 (SSHA): Not on Google’s list of hash functions (MD5, SHA-1, crypt).',
      },
      {
        username: 'finn@old.test',
        reason: 'SHA-512-crypt: Google takes at most 10,000 rounds, and this hash has 20,000.',
      },
      {
        username: 'gus@old.test',
        reason: 'bcrypt: Google’s crypt takes the DES, MD5, SHA-256 and SHA-512 forms only.',
      },
      { username: 'hal@old.test', reason: 'no old password hash was imported for it.' },
    ]);
  });
});

describe('other destinations', () => {
  it('writes every hash in LDAP’s {SCHEME} form for another server', () => {
    const rows = parse(exportFor('other-imap').content, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['username', 'scheme', 'password_hash']);
    expect(rows.slice(1, 4)).toEqual([
      ['ann.lee', 'SHA-512-crypt', `{CRYPT}${hashes.ann.value}`],
      ['bob@acme.test', 'MD5-crypt', `{CRYPT}${hashes.bob.value}`],
      ['carl@acme.test', 'Salted SHA-1 (SSHA)', `{SSHA}${hashes.carl.value}`],
    ]);
    expect(rows).toHaveLength(8);
  });

  it('refuses Microsoft 365, which takes no hashes, with what to do instead', () => {
    expect(() => exportFor('microsoft-365')).toThrow(ServiceError);
    expect(() => exportFor('microsoft-365')).toThrow(/cannot take password hashes.*new password/);
  });

  it('says which accounts could not go in when none can', () => {
    const onlySsha = accounts.slice(2, 3);
    expect(() => exportHashes(project, onlySsha, store, 'google-workspace', now)).toThrow(
      'No account can go into the file for Google Workspace. Not in it: carl@old.test (Salted SHA-1 (SSHA): Not on Google’s list of hash functions (MD5, SHA-1, crypt)).',
    );
  });
});
