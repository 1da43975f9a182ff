// The proof that carried-over hashes work: hashes made by openssl and doveadm are imported,
// exported as a Dovecot passwd-file, installed in a real Dovecot, and every account logs in
// over IMAP with its ORIGINAL password (the playbook's own login test), one scheme each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import { doveadmPw, opensslPasswd, withoutPrefix } from '../../support/password-hashes.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type {
  HashImportResult,
  HashScheme,
  LoginTestResult,
  PlaybookTask,
  ProvisioningExport,
  Result,
} from '../../../preload/contract.ts';

/** One account per scheme: its name on both servers, its password, and its hash as listed. */
const CASES: Array<{ user: string; scheme: HashScheme; password: string; hash: (pw: string) => string }> = [
  // Traditional crypt counts only the first 8 characters.
  {
    user: 'des',
    scheme: 'des-crypt',
    password: 'Des-pw1',
    hash: (pw) => withoutPrefix(doveadmPw('DES-CRYPT', pw)),
  },
  { user: 'md5crypt', scheme: 'md5-crypt', password: 'Md5 crypt pw', hash: (pw) => opensslPasswd('-1', pw) },
  {
    user: 'sha256crypt',
    scheme: 'sha256-crypt',
    password: 'Sha256-pw',
    hash: (pw) => opensslPasswd('-5', pw),
  },
  {
    user: 'sha512crypt',
    scheme: 'sha512-crypt',
    password: 'Sha512-pw',
    hash: (pw) => opensslPasswd('-6', pw),
  },
  {
    user: 'sha512rounds',
    scheme: 'sha512-crypt',
    password: 'Rounds-pw',
    hash: (pw) => withoutPrefix(doveadmPw('SHA512-CRYPT', pw, 12_000)),
  },
  { user: 'bcrypt', scheme: 'bcrypt', password: 'Bcrypt-pw', hash: (pw) => doveadmPw('BLF-CRYPT', pw) },
  {
    // Another generator's $2b$ (the same algorithm), written as LDAP does: {CRYPT}$2b$…
    user: 'bcrypt2b',
    scheme: 'bcrypt',
    password: 'Bcrypt-2b',
    hash: (pw) => `{CRYPT}${withoutPrefix(doveadmPw('BLF-CRYPT', pw)).replace('$2y$', '$2b$')}`,
  },
  { user: 'ssha', scheme: 'ssha', password: 'Ssha-pw', hash: (pw) => doveadmPw('SSHA', pw) },
  { user: 'ssha256', scheme: 'ssha256', password: 'Ssha256-pw', hash: (pw) => doveadmPw('SSHA256', pw) },
  { user: 'ssha512', scheme: 'ssha512', password: 'Ssha512-pw', hash: (pw) => doveadmPw('SSHA512', pw) },
  { user: 'sha1', scheme: 'sha1', password: 'Sha1-pw', hash: (pw) => doveadmPw('SHA', pw) },
  { user: 'sha256', scheme: 'sha256', password: 'Sha256-plain', hash: (pw) => doveadmPw('SHA256', pw) },
  { user: 'sha512', scheme: 'sha512', password: 'Sha512-plain', hash: (pw) => doveadmPw('SHA512', pw) },
  { user: 'smd5', scheme: 'smd5', password: 'Smd5-pw', hash: (pw) => doveadmPw('SMD5', pw) },
  { user: 'md5hex', scheme: 'md5', password: 'Md5-hex', hash: (pw) => doveadmPw('PLAIN-MD5', pw) },
  // LDAP's {MD5} is base64; Cutover writes it back as Dovecot's hex PLAIN-MD5.
  {
    user: 'md5ldap',
    scheme: 'md5',
    password: 'Md5-ldap',
    hash: (pw) => doveadmPw('LDAP-MD5', pw).replace('{LDAP-MD5}', '{MD5}'),
  },
  { user: 'argon2', scheme: 'argon2', password: 'Argon2-pw', hash: (pw) => doveadmPw('ARGON2ID', pw) },
];

let dovecot: DovecotServer;
let services: Services;
let projectId: number;
let exported: ProvisioningExport;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  services = createTestServices(':memory:', {
    clock: fixedClock(new Date().toISOString()),
    loginTest: { timeouts: { connectMs: 5_000, socketMs: 5_000 } },
  });
  projectId = services.projects.create({
    name: 'Acme',
    customer: '',
    domains: ['acme.test'],
    cutoverDate: null,
  }).id;
  // The old password is all Cutover knows of each account: the login test falls back to it.
  const accounts = [...CASES.map((c) => `${c.user},${c.password}`), 'wrong,not-the-hashed-one'];
  expect(await services.dispatch('accounts.import', { projectId, text: accounts.join('\n') })).toMatchObject({
    ok: true,
    value: { added: CASES.length + 1 },
  });

  const list = [
    ...CASES.map((c) => `${c.user}:${c.hash(c.password)}`),
    `wrong:${opensslPasswd('-6', 'the-hashed-one')}`,
  ];
  const imported = value<HashImportResult>(
    await services.dispatch('provisioning.importHashes', {
      projectId,
      text: list.join('\n'),
      format: 'passwd-file',
    }),
  );
  expect(imported.errors).toEqual([]);
  expect(imported.stored).toBe(CASES.length + 1);

  exported = value<ProvisioningExport>(
    await services.dispatch('provisioning.exportCsv', { projectId, destinationKind: 'dovecot' }),
  );
  // Every mailbox exists with a random password of its own: only the exported hashes can let
  // anyone in with the original one.
  dovecot = await startDovecot({
    users: [...CASES.map((c) => c.user), 'wrong'].map((username) => ({
      username,
      password: randomBytes(12).toString('hex'),
    })),
    passdbFile: exported.content,
  });
  value(
    await services.dispatch('profiles.save', {
      projectId,
      role: 'destination',
      host: '127.0.0.1',
      protocol: 'imaps',
      ports: { imaps: dovecot.ports.imaps },
    }),
  );
  value(
    await services.dispatch('profiles.trustCertificate', {
      projectId,
      role: 'destination',
      fingerprint256: dovecot.certificate.fingerprint256,
    }),
  );
});

afterAll(async () => {
  services?.close();
  await dovecot?.stop();
});

describe('hashes carried over to Dovecot', () => {
  it('exports one passwd-file line per account, each with its scheme', () => {
    expect(exported.included).toBe(CASES.length + 1);
    expect(exported.leftOut).toEqual([]);
    const lines = exported.content.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines.map((line) => line.slice(0, line.indexOf('}') + 1))).toEqual([
      'argon2:{ARGON2ID}',
      'bcrypt:{BLF-CRYPT}',
      'bcrypt2b:{BLF-CRYPT}',
      'des:{DES-CRYPT}',
      'md5crypt:{MD5-CRYPT}',
      'md5hex:{PLAIN-MD5}',
      'md5ldap:{PLAIN-MD5}',
      'sha1:{SHA}',
      'sha256:{SHA256}',
      'sha256crypt:{SHA256-CRYPT}',
      'sha512:{SHA512}',
      'sha512crypt:{SHA512-CRYPT}',
      'sha512rounds:{SHA512-CRYPT}',
      'smd5:{SMD5}',
      'ssha:{SSHA}',
      'ssha256:{SSHA256}',
      'ssha512:{SSHA512}',
      'wrong:{SHA512-CRYPT}',
    ]);
  });

  it('lets every account log in over IMAP with its original password, whatever its scheme', async () => {
    const task = value<PlaybookTask>(
      await services.dispatch('playbook.runCheck', { projectId, key: 'create-destination-users' }),
    );
    const details = task.lastCheck?.details as { kind: 'destination-logins'; accounts: LoginTestResult[] };
    const byUser = new Map(details.accounts.map((r) => [r.username, r]));
    for (const c of CASES) {
      expect([c.user, c.scheme, byUser.get(c.user)?.ok, byUser.get(c.user)?.message]).toEqual([
        c.user,
        c.scheme,
        true,
        'Logged in with its old password (no new password given).',
      ]);
    }
    // The control: a password that is not the one hashed is refused, so the hashes did the work.
    expect(byUser.get('wrong')).toMatchObject({ ok: false, errorCode: 'destination-auth-failed' });
    expect(task.lastCheck?.outcome).toBe('fail');
  });
});
