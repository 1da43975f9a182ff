// "Test connection" and the login test of every destination account, through the typed API
// against a real Dovecot with its self-signed certificate: refused until the admin trusts
// that certificate for this server, then one result per account, a wrong password named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type { CertificateReport } from '../../../shared/reports/certificate-report.ts';
import type { LoginTestResult, PlaybookTask, Result, StoredDiagnostic } from '../../../preload/contract.ts';

let dovecot: DovecotServer;
let services: Services;
let projectId: number;
// The certificate check judges validity by this clock, and the harness certificate is new.
const now = new Date().toISOString();

beforeAll(async () => {
  dovecot = await startDovecot({
    users: [
      { username: 'ann', password: 'pw-a' },
      { username: 'bob', password: 'pw-b' },
      { username: 'carl', password: 'pw-c' },
    ],
    masterUser: { username: 'admin', password: 'master-pw' },
  });
  services = createTestServices(':memory:', {
    clock: fixedClock(now),
    diagnostics: { timeoutMs: 3_000 },
    loginTest: { timeouts: { connectMs: 5_000, socketMs: 5_000 } },
  });
  projectId = services.projects.create({
    name: 'Acme',
    customer: '',
    domains: ['acme.test'],
    cutoverDate: null,
  }).id;
  const imported = await services.dispatch('accounts.import', {
    projectId,
    text: 'ann,old-a,ann,pw-a\nbob,old-b,bob,wrong\ncarl,old-c\n',
  });
  expect(imported).toMatchObject({ ok: true, value: { added: 3, errors: [] } });
  const saved = await services.dispatch('profiles.save', {
    projectId,
    role: 'destination',
    host: '127.0.0.1',
    protocol: 'imaps',
    ports: { imaps: dovecot.ports.imaps },
    adminUser: 'admin',
    adminPassword: 'master-pw',
  });
  expect(saved).toMatchObject({ ok: true, value: { hasAdminPassword: true } });
});

afterAll(async () => {
  services?.close();
  await dovecot?.stop();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function testConnection(role: 'source' | 'destination') {
  const stored = value<StoredDiagnostic>(
    await services.dispatch('profiles.testConnection', { projectId, role }),
  );
  return { stored, report: stored.report as CertificateReport };
}

async function loginTest() {
  const task = value<PlaybookTask>(
    await services.dispatch('playbook.runCheck', { projectId, key: 'create-destination-users' }),
  );
  const details = task.lastCheck?.details;
  if (details?.kind !== 'destination-logins') throw new Error('no login results');
  return { task, accounts: details.accounts as LoginTestResult[] };
}

describe('the new server of a project', () => {
  it('shows the self-signed certificate on the one port the migration uses', async () => {
    const { stored, report } = await testConnection('destination');
    expect(stored).toMatchObject({
      projectId,
      kind: 'certificate',
      target: '127.0.0.1',
      verdict: 'self-signed',
    });
    const ports = report.servers[0]!.ports;
    expect(ports.map((p) => [p.service, p.port])).toEqual([['imaps', dovecot.ports.imaps]]);
    expect(ports[0]!.certificate?.fingerprint256).toBe(dovecot.certificate.fingerprint256);
    expect(ports[0]!.certificate?.altNames).toContain('localhost');
  });

  it('refuses every login while the certificate is not trusted, and says how to fix it', async () => {
    const { task, accounts } = await loginTest();
    expect(task).toMatchObject({ status: 'not-started', lastCheck: { outcome: 'fail' } });
    expect(accounts.map((a) => [a.localUsername, a.ok, a.errorCode])).toEqual([
      ['ann', false, 'certificate-untrusted'],
      ['bob', false, 'certificate-untrusted'],
      ['carl', false, 'certificate-untrusted'],
    ]);
    expect(accounts[0]!.message).toContain('Test connection');
  });

  it('trusts that certificate for this server only', async () => {
    const trusted = await services.dispatch('profiles.trustCertificate', {
      projectId,
      role: 'destination',
      fingerprint256: dovecot.certificate.fingerprint256,
    });
    expect(trusted).toMatchObject({
      ok: true,
      value: { pinnedFingerprint: dovecot.certificate.fingerprint256 },
    });
    const { stored, report } = await testConnection('destination');
    expect(report.servers[0]!.ports[0]!.trust).toMatchObject({ chainTrusted: true, pinned: true });
    expect(stored.verdict).toBe('healthy');
  });

  it('tests every account in parallel: the wrong password is named, the admin logs in for the one without', async () => {
    const { task, accounts } = await loginTest();
    expect(accounts.map((a) => [a.localUsername, a.method, a.ok, a.errorCode])).toEqual([
      ['ann', 'destination-password', true, null],
      ['bob', 'destination-password', false, 'destination-auth-failed'],
      ['carl', 'admin', true, null],
    ]);
    expect(accounts[1]!.message).toBe(
      'The new server (127.0.0.1) refused the login for bob. Check the password, or create the account on the new server first, then retry it.',
    );
    expect(task.lastCheck?.summary).toBe('2 of 3 accounts can log in to 127.0.0.1. Not yet: bob.');
    expect(task.status).toBe('not-started');
    expect(JSON.stringify(task)).not.toMatch(/pw-|master-pw|wrong/);
  });

  it('completes the task once the password is fixed', async () => {
    const bob = services.accounts.list(projectId).find((a) => a.username === 'bob')!;
    await services.dispatch('accounts.setPassword', {
      accountId: bob.id,
      side: 'destination',
      password: 'pw-b',
    });
    const { task, accounts } = await loginTest();
    expect(accounts.every((a) => a.ok)).toBe(true);
    expect(task).toMatchObject({
      status: 'complete',
      completedAt: now,
      lastCheck: { outcome: 'pass', summary: 'All 3 accounts can log in to 127.0.0.1.' },
    });
  });

  it('tests an Auto source on its IMAP and POP3 ports, implicit TLS first', async () => {
    await services.dispatch('profiles.save', {
      projectId,
      role: 'source',
      host: '127.0.0.1',
      protocol: 'auto',
      ports: dovecot.ports,
    });
    const { report } = await testConnection('source');
    expect(report.servers[0]!.ports.map((p) => [p.service, p.port, p.verdict.kind])).toEqual([
      ['imaps', dovecot.ports.imaps, 'self-signed'],
      ['pop3s', dovecot.ports.pop3s, 'self-signed'],
    ]);
  });
});
