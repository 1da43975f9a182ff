import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer } from '../../harness/dns-server.ts';
import type { TestDnsServer } from '../../harness/dns-server.ts';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import type { StoredDiagnostic } from '../../../preload/contract.ts';

// The checks as the app calls them: through the typed API, stored with their time.
let dns: TestDnsServer;
let dovecot: DovecotServer;
let services: ReturnType<typeof createTestServices>;
// The certificates are made when the test runs, so the clock is too: a fixed date would meet
// "not yet valid" (or "expired") once the calendar moves past it.
const MINUTE = 60_000;
const checkedAt = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
const dnsCheckedAt = new Date(checkedAt.getTime() + 5 * MINUTE);
const clock = fixedClock(checkedAt.toISOString());

beforeAll(async () => {
  [dns, dovecot] = await Promise.all([
    startDnsServer({
      zones: [
        {
          origin: 'customer.test',
          records: [
            '@ 3600 IN MX 10 mail.customer.test.',
            'mail 300 IN A 127.0.0.1',
            '@ 300 IN TXT "v=spf1 -all"',
          ],
        },
      ],
    }),
    startDovecot({ users: [{ username: 'ann', password: 'pw' }] }),
  ]);
  services = createTestServices(':memory:', {
    clock,
    diagnostics: {
      timeoutMs: 3_000,
      defaultResolvers: () => [{ label: 'test resolver', address: { host: '127.0.0.1', port: dns.port } }],
      serverDeps: {
        systemResolver: () => {
          throw new Error('the tests must never use the system resolver');
        },
      },
    },
  });
});

afterAll(async () => {
  services?.close();
  await Promise.allSettled([dns?.stop(), dovecot?.stop()]);
});

describe('diagnostics through the typed API', () => {
  it('checks a server, says the self-signed certificate is the problem, and stores the result with its time', async () => {
    const project = services.projects.create({ name: 'Acme', customer: '', domains: [], cutoverDate: null });
    const result = await services.dispatch('diagnostics.checkServer', {
      projectId: project.id,
      target: 'mail.customer.test',
      ports: { imap: 0, imaps: dovecot.ports.imaps, pop3: 0, pop3s: 0, submission: 0, submissions: 0 },
      resolver: `127.0.0.1:${dns.port}`,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'certificate',
        target: 'mail.customer.test',
        checkedAt: checkedAt.toISOString(),
        verdict: 'self-signed',
        problemsFound: true,
      },
    });
    const stored = (result as { value: StoredDiagnostic }).value;
    expect(await services.dispatch('diagnostics.history', { projectId: project.id })).toEqual({
      ok: true,
      value: [
        expect.objectContaining({ id: stored.id, verdict: 'self-signed', target: 'mail.customer.test' }),
      ],
    });
    expect(await services.dispatch('diagnostics.get', { id: stored.id })).toEqual({
      ok: true,
      value: stored,
    });
  });

  it('trusts a pinned certificate for that server: only the name is left to fix', async () => {
    const result = await services.dispatch('diagnostics.checkServer', {
      target: 'mail.customer.test',
      ports: { imap: 0, imaps: dovecot.ports.imaps, pop3: 0, pop3s: 0, submission: 0, submissions: 0 },
      resolver: `127.0.0.1:${dns.port}`,
      pinnedFingerprints: [dovecot.certificate.fingerprint256],
    });
    expect(result).toMatchObject({ ok: true, value: { verdict: 'name-mismatch', problemsFound: true } });
  });

  it('checks DNS with the default resolvers main chooses, and exports a self-contained HTML report', async () => {
    clock.set(dnsCheckedAt.toISOString());
    const result = await services.dispatch('diagnostics.checkDns', {
      domain: 'customer.test',
      authorities: [`127.0.0.1:${dns.port}`],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'dns', target: 'customer.test', checkedAt: dnsCheckedAt.toISOString() },
    });
    const report = (result as { value: StoredDiagnostic }).value.report;
    expect(report.kind === 'dns' && report.mx.ttl).toBe(3600);
    const exported = await services.dispatch('diagnostics.exportHtml', {
      id: (result as { value: StoredDiagnostic }).value.id,
    });
    expect(exported).toMatchObject({
      ok: true,
      value: {
        fileName: `cutover-dns-customer.test-${fileStamp(dnsCheckedAt)}.html`,
        html: expect.stringContaining('customer.test'),
      },
    });
    expect((exported as { value: { html: string } }).value.html).not.toMatch(/<script/i);
    const history = await services.dispatch('diagnostics.history', { kind: 'dns' });
    expect(history).toMatchObject({ ok: true, value: [{ target: 'customer.test' }] });
  });

  it('asks the authorities main was configured with (cutover serve --authority) when the call names none', async () => {
    const split = createTestServices(':memory:', {
      diagnostics: {
        timeoutMs: 3_000,
        defaultResolvers: () => [{ label: 'test resolver', address: { host: '127.0.0.1', port: dns.port } }],
        defaultAuthorities: [{ host: '127.0.0.1', port: dns.port }],
      },
    });
    const result = await split.dispatch('diagnostics.checkDns', { domain: 'customer.test' });
    split.close();
    expect(result).toMatchObject({
      ok: true,
      value: { report: { authoritySource: 'given', mx: { ttl: 3600 } } },
    });
  });

  it('refuses a malformed resolver address with the field to fix', async () => {
    expect(
      await services.dispatch('diagnostics.checkDns', {
        domain: 'customer.test',
        resolvers: ['not an address'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'resolvers' },
    });
  });
});

/** The export's stamp, written out field by field: YYYY-MM-DD-HH-MM in UTC. */
function fileStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}-${two(at.getUTCHours())}-${two(at.getUTCMinutes())}`;
}
