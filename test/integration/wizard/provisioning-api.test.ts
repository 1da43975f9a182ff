// Importing the old system's password hashes through the typed API, on a real database file:
// a bad line stores nothing; a clean list is matched to the accounts and kept encrypted; the
// hashes come back only inside the exported file, never in a summary, a list or the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestServices } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { doveadmPw, opensslPasswd, withoutPrefix } from '../../support/password-hashes.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type {
  HashImportResult,
  ProvisioningExport,
  ProvisioningSummary,
  Result,
} from '../../../preload/contract.ts';

const dir = makeTempDir('provisioning-api');
const databasePath = join(dir.path, 'cutover.db');
let services: Services;
let projectId: number;

const hashes = {
  ann: opensslPasswd('-6', 'pw-ann'),
  bob: opensslPasswd('-1', 'pw-bob'),
  carl: doveadmPw('SSHA', 'pw-carl'),
  dora: doveadmPw('BLF-CRYPT', 'pw-dora'),
};
const shadow = [
  'root:*:19700:0:99999:7:::',
  `ann:${hashes.ann}:19700:0:99999:7:::`,
  `bob:${hashes.bob}:19700:0:99999:7:::`,
  `carl:${hashes.carl}:19700::::::`,
  `dora@acme.test:${hashes.dora}`,
  'erin:!!:19700::::::',
  `zed:${hashes.bob}:19700::::::`,
].join('\n');

beforeAll(async () => {
  services = createTestServices(databasePath);
  projectId = services.projects.create({
    name: 'Acme',
    customer: '',
    domains: ['acme.test'],
    cutoverDate: null,
  }).id;
  const imported = await services.dispatch('accounts.import', {
    projectId,
    text: [
      'ann@acme.test,old-a',
      'bob@acme.test,old-b',
      'carl@acme.test,old-c',
      'dora@acme.test,old-d',
      'erin@acme.test,old-e',
      'finn@acme.test,old-f',
    ].join('\n'),
  });
  expect(imported).toMatchObject({ ok: true, value: { added: 6 } });
});

afterAll(() => {
  services.close();
  dir.remove();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Every form a hash could take in text: as written, without prefix, and as base64 or hex bytes. */
function hashForms(): string[] {
  return Object.values(hashes).flatMap((hash) => {
    const bare = withoutPrefix(hash);
    return [hash, bare, bare.slice(-20), Buffer.from(bare, 'base64').toString('hex').slice(0, 24)];
  });
}

describe('provisioning.importHashes', () => {
  it('stores nothing while a line of an account is wrong, and names that line', async () => {
    const result = value<HashImportResult>(
      await services.dispatch('provisioning.importHashes', {
        projectId,
        text: shadow.replace(hashes.bob, hashes.bob.slice(0, -4)),
      }),
    );
    expect(result.stored).toBe(0);
    expect(result.errors).toEqual([
      {
        line: 3,
        message:
          'line 3: the hash of “bob” cannot be used: it looks like MD5-crypt ($1$), but has 18 characters in its last part instead of 22: it may have been cut off or changed when it was copied.',
      },
    ]);
    expect(result.summary.withHash).toBe(0);
  });

  it('matches a clean list to the accounts and says what it did with every other line', async () => {
    const result = value<HashImportResult>(
      await services.dispatch('provisioning.importHashes', { projectId, text: shadow }),
    );
    expect(result).toMatchObject({
      format: 'shadow',
      stored: 4,
      errors: [],
      unmatched: [{ line: 7, username: 'zed', reason: 'no account of this project is called “zed”.' }],
      skipped: [{ line: 6, username: 'erin' }],
      ignored: 1,
    });
    for (const form of hashForms()) expect(JSON.stringify(result)).not.toContain(form);
    const summary = result.summary;
    expect(summary).toMatchObject({
      accounts: 6,
      withHash: 4,
      accountsWithoutHash: ['erin@acme.test', 'finn@acme.test'],
    });
    expect(summary.schemes.map((s) => [s.scheme, s.label, s.strength, s.count])).toEqual([
      ['md5-crypt', 'MD5-crypt', 'weak', 1],
      ['sha512-crypt', 'SHA-512-crypt', 'strong', 1],
      ['bcrypt', 'bcrypt', 'strong', 1],
      ['ssha', 'Salted SHA-1 (SSHA)', 'fair', 1],
    ]);
    expect(Object.fromEntries(summary.destinations.map((d) => [d.kind, d.exportable]))).toEqual({
      dovecot: 4,
      'google-workspace': 2,
      'microsoft-365': 0,
      'other-imap': 4,
    });
    const google = summary.destinations.find((d) => d.kind === 'google-workspace')!;
    expect(google.schemes.find((s) => s.scheme === 'ssha')).toMatchObject({ acceptance: 'no' });
    expect(google.schemes.find((s) => s.scheme === 'md5-crypt')).toMatchObject({ acceptance: 'yes' });
    expect(
      value<ProvisioningSummary>(await services.dispatch('provisioning.summary', { projectId })),
    ).toEqual(summary);
  });

  it('refuses a project without accounts, and unknown arguments', async () => {
    const empty = services.projects.create({
      name: 'Empty',
      customer: '',
      domains: [],
      cutoverDate: null,
    }).id;
    expect(
      await services.dispatch('provisioning.importHashes', { projectId: empty, text: shadow }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringMatching(/Import the accounts first/) },
    });
    expect(await services.dispatch('provisioning.summary', { projectId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await services.dispatch('provisioning.exportCsv', { projectId, destinationKind: 'exchange' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'destinationKind' } });
  });
});

describe('the stored hashes', () => {
  it('are encrypted in the database file, and absent from every answer but the export', async () => {
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat([
      readFileSync(databasePath),
      existsSync(`${databasePath}-wal`) ? readFileSync(`${databasePath}-wal`) : Buffer.alloc(0),
    ]);
    expect(bytes.includes(Buffer.from('ann@acme.test'))).toBe(true); // the check can see plain text
    for (const form of hashForms()) expect([form, bytes.includes(Buffer.from(form))]).toEqual([form, false]);

    const answers = JSON.stringify([
      await services.dispatch('provisioning.summary', { projectId }),
      await services.dispatch('accounts.list', { projectId }),
      await services.dispatch('events.recent', { projectId }),
    ]);
    for (const form of hashForms()) expect(answers).not.toContain(form);
  });

  it('come back only inside the file for the chosen service', async () => {
    const file = value<ProvisioningExport>(
      await services.dispatch('provisioning.exportCsv', { projectId, destinationKind: 'dovecot' }),
    );
    expect(file).toMatchObject({
      destinationKind: 'dovecot',
      included: 4,
      fileName: 'cutover-acme-dovecot-users.passwd',
    });
    expect(file.content).toContain(`ann@acme.test:{SHA512-CRYPT}${hashes.ann}\n`);
    expect(file.content).toContain(`dora@acme.test:${hashes.dora}\n`);
    expect(file.leftOut.map((l) => l.username)).toEqual(['erin@acme.test', 'finn@acme.test']);

    const google = value<ProvisioningExport>(
      await services.dispatch('provisioning.exportCsv', { projectId, destinationKind: 'google-workspace' }),
    );
    expect(google.included).toBe(2);
    expect(google.leftOut.map((l) => l.username)).toEqual([
      'carl@acme.test',
      'dora@acme.test',
      'erin@acme.test',
      'finn@acme.test',
    ]);

    expect(
      await services.dispatch('provisioning.exportCsv', { projectId, destinationKind: 'microsoft-365' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-arguments',
        field: 'destinationKind',
        message: expect.stringMatching(/^Microsoft 365 cannot take password hashes/),
      },
    });
    const log = JSON.stringify(await services.dispatch('events.recent', { projectId }));
    expect(log).toContain('Users file for Dovecot saved: 4 accounts, 2 left out.');
    for (const form of hashForms()) expect(log).not.toContain(form);
  });

  it('are deleted, secrets and all, when the admin asks', async () => {
    const secrets = () => (services.db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n;
    const before = secrets();
    const summary = value<ProvisioningSummary>(await services.dispatch('provisioning.forget', { projectId }));
    expect(summary).toMatchObject({ withHash: 0, schemes: [], importedAt: null });
    expect(secrets()).toBe(before - 4);
    expect(
      await services.dispatch('provisioning.exportCsv', { projectId, destinationKind: 'dovecot' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: expect.stringMatching(/^No account can go into the file for Dovecot/),
      },
    });
  });
});
