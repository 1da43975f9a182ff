// The certificate check against real node:tls servers on 127.0.0.1 with the tests' own CA: one
// test per verdict (exact kind and suggested host), STARTTLS for IMAP, POP3 and SMTP, ports in
// parallel, a closed port and one that accepts and never answers. DNS comes from a loopback
// Knot server; nothing here asks the system resolver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../../main/engine/diagnostics/tls/check-server.ts';
import type {
  CheckServerDeps,
  CheckServerOptions,
} from '../../../main/engine/diagnostics/tls/check-server.ts';
import type { CertificateReport, PortReport } from '../../../shared/reports/certificate-report.ts';
import type { MailService, PortPlan } from '../../../main/engine/diagnostics/tls/mail-ports.ts';
import { createCertificateAuthority, issueCertificate } from '../../harness/certificates.ts';
import type { CertificateAuthority, CertificateFiles, IssueOptions } from '../../harness/certificates.ts';
import { startDnsServer } from '../../harness/dns-server.ts';
import type { TestDnsServer } from '../../harness/dns-server.ts';
import { freePort } from '../../harness/free-port.ts';
import { startMailTlsServer } from '../../harness/mail-tls-server.ts';
import type { MailTlsServer, MailTlsServerOptions } from '../../harness/mail-tls-server.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { platformSupportsTls10 } from './tls10-support.ts';

const DAY = 86_400_000;
// Node 24's OpenSSL may refuse TLS 1.0 outright on some platforms; that case is then skipped.
const tls10 = await platformSupportsTls10();
const NO_PORTS: PortPlan = { imap: 0, imaps: 0, pop3: 0, pop3s: 0, submission: 0, submissions: 0 };
const dir = makeTempDir('certificate-check');
const servers: MailTlsServer[] = [];
let ca: CertificateAuthority;
let dns: TestDnsServer;

const deps: CheckServerDeps = {
  clock: { now: () => new Date() },
  systemResolver: () => {
    throw new Error('the tests must never use the system resolver');
  },
};

beforeAll(async () => {
  [ca, dns] = await Promise.all([
    createCertificateAuthority(dir.path),
    startDnsServer({
      zones: [
        {
          origin: 'provider.test',
          records: [
            'luna 300 IN A 127.0.0.1',
            'good 300 IN A 127.0.0.1',
            'wild 300 IN A 127.0.0.1',
            'a.b 300 IN A 127.0.0.1',
            'mx 300 IN A 127.0.0.1',
          ],
        },
        {
          origin: 'customer.test',
          records: [
            'mail 300 IN A 127.0.0.1',
            '@ 300 IN MX 10 mx.provider.test.',
            '_imaps._tcp 300 IN SRV 0 1 993 luna.provider.test.',
            '_pop3._tcp 300 IN SRV 0 0 0 .',
          ],
        },
      ],
    }),
  ]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await dns?.stop();
  dir.remove();
});

async function serve(
  certificate: IssueOptions | CertificateFiles,
  options: Partial<Omit<MailTlsServerOptions, 'certificate'>> = {},
  issuer: CertificateAuthority | null = ca,
): Promise<MailTlsServer> {
  const files =
    'certPem' in certificate ? certificate : await issueCertificate(dir.path, issuer, certificate);
  const server = await startMailTlsServer({
    protocol: 'imap',
    mode: 'implicit',
    ...options,
    certificate: files,
  });
  servers.push(server);
  return server;
}

function options(ports: Partial<PortPlan>, extra: Partial<CheckServerOptions> = {}): CheckServerOptions {
  return {
    ports: { ...NO_PORTS, ...ports },
    resolver: { host: '127.0.0.1', port: dns.port },
    timeoutMs: 3_000,
    ca: [ca.certPem],
    ...extra,
  };
}

function onlyPort(report: CertificateReport, service: MailService = 'imaps'): PortReport {
  expect(report.servers).toHaveLength(1);
  const port = report.servers[0]?.ports.find((entry) => entry.service === service);
  if (!port) throw new Error(`no ${service} port in the report`);
  return port;
}

describe('certificate verdicts', () => {
  it('healthy: a trusted, current certificate for the typed name over TLS 1.3', async () => {
    const files = await issueCertificate(dir.path, ca, {
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
    });
    const server = await serve(files);
    const report = await checkServer('good.provider.test', options({ imaps: server.port }), deps);
    const port = onlyPort(report);
    expect(report.verdict).toBe('healthy');
    expect(report.problemsFound).toBe(false);
    expect(port.verdict.kind).toBe('healthy');
    expect(port.verdict.fix).toContain('may be missing current root certificates; update it');
    expect(port.tls?.protocol).toBe('TLSv1.3');
    expect(port.tls?.cipher).toMatch(/^TLS_/);
    expect(port.trust).toEqual({
      chainTrusted: true,
      chainError: null,
      pinned: false,
      nameMatches: true,
      checkedName: 'good.provider.test',
    });
    expect(port.certificate?.fingerprint256).toBe(files.fingerprint256);
    expect(port.certificate?.altNames).toEqual(['good.provider.test']);
    expect(port.certificate?.issuer).toBe('CN=Cutover Test CA');
    expect(report.resolver).toBe(`127.0.0.1:${dns.port}`);
    expect(report.servers[0]?.addresses).toEqual(['127.0.0.1']);
  });

  it('name mismatch: suggests the SAN name that resolves and serves the port, not the first SAN', async () => {
    const server = await serve({
      commonName: 'nowhere.provider.test',
      altNames: ['nowhere.provider.test', 'luna.provider.test'],
    });
    const report = await checkServer('mail.customer.test', options({ imaps: server.port }), deps);
    const port = onlyPort(report);
    expect(report.verdict).toBe('name-mismatch');
    expect(port.problems.map((problem) => problem.kind)).toEqual(['name-mismatch']);
    expect(port.verdict.suggestedHost).toBe('luna.provider.test');
    expect(port.verdict.fix).toBe(
      'Use luna.provider.test (the name on the certificate) as your incoming server.',
    );
    expect(report.servers[0]?.verdict.suggestedHost).toBe('luna.provider.test');
    expect(port.trust?.chainTrusted).toBe(true);
    expect(port.verdict.clientMessages.map((message) => message.shows).join('\n')).toContain(
      'Cannot Verify Server Identity',
    );
  });

  it('name mismatch with no serving alternative: no suggestion, the provider is asked', async () => {
    const server = await serve({ commonName: 'nowhere.provider.test', altNames: ['nowhere.provider.test'] });
    const report = await checkServer('mail.customer.test', options({ imaps: server.port }), deps);
    const port = onlyPort(report);
    expect(port.verdict.kind).toBe('name-mismatch');
    expect(port.verdict.suggestedHost).toBeNull();
    expect(port.verdict.fix).toContain('ask the mail provider which server name to use');
  });

  it('expired', async () => {
    const server = await serve({
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
      notBefore: new Date(Date.now() - 90 * DAY),
      notAfter: new Date(Date.now() - 2 * DAY),
    });
    const port = onlyPort(await checkServer('good.provider.test', options({ imaps: server.port }), deps));
    expect(port.verdict.kind).toBe('expired');
    expect(port.verdict.suggestedHost).toBeNull();
    expect(port.trust?.chainError).toBe('CERT_HAS_EXPIRED');
    expect(port.verdict.explanation).toContain(new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10));
  });

  it('not yet valid', async () => {
    const server = await serve({
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
      notBefore: new Date(Date.now() + 10 * DAY),
      notAfter: new Date(Date.now() + 100 * DAY),
    });
    const port = onlyPort(await checkServer('good.provider.test', options({ imaps: server.port }), deps));
    expect(port.verdict.kind).toBe('not-yet-valid');
    expect(port.problems.map((problem) => problem.kind)).toEqual(['not-yet-valid']);
  });

  it('self-signed, with its fingerprint in the fix', async () => {
    const files = await issueCertificate(dir.path, null, {
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
      selfSigned: true,
    });
    const server = await serve(files);
    const port = onlyPort(await checkServer('good.provider.test', options({ imaps: server.port }), deps));
    expect(port.verdict.kind).toBe('self-signed');
    expect(port.certificate?.selfSigned).toBe(true);
    expect(port.trust?.chainTrusted).toBe(false);
    expect(port.trust?.chainError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(port.verdict.fix).toContain(files.fingerprint256);
    // Pinned by its fingerprint for this server, the same certificate is trusted.
    const pinned = onlyPort(
      await checkServer(
        'good.provider.test',
        options({ imaps: server.port }, { pinnedFingerprints: [files.fingerprint256.toLowerCase()] }),
        deps,
      ),
    );
    expect(pinned.trust).toMatchObject({ chainTrusted: true, pinned: true });
    expect(pinned.verdict.kind).toBe('healthy');
  });

  it('unknown issuer: a CA this device does not trust', async () => {
    const stranger = await createCertificateAuthority(dir.path, 'Stranger CA');
    const server = await serve(
      { commonName: 'good.provider.test', altNames: ['good.provider.test'] },
      {},
      stranger,
    );
    const port = onlyPort(await checkServer('good.provider.test', options({ imaps: server.port }), deps));
    expect(port.verdict.kind).toBe('untrusted-issuer');
    expect(port.certificate?.selfSigned).toBe(false);
    expect(port.certificate?.issuer).toBe('CN=Stranger CA');
    expect(port.trust?.chainError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('wildcard: matches one label, not two', async () => {
    const server = await serve({ commonName: '*.provider.test', altNames: ['*.provider.test'] });
    const one = onlyPort(await checkServer('wild.provider.test', options({ imaps: server.port }), deps));
    expect(one.verdict.kind).toBe('healthy');
    const two = onlyPort(await checkServer('a.b.provider.test', options({ imaps: server.port }), deps));
    expect(two.verdict.kind).toBe('name-mismatch');
    // The wildcard under the typed name's first label: a.provider.test does not resolve here.
    expect(two.verdict.suggestedHost).toBeNull();
  });

  it.skipIf(!tls10)(
    'TLS older than 1.2 (a TLS 1.0-only server), reached only with legacy settings on that socket',
    async () => {
      const server = await serve(
        { commonName: 'good.provider.test', altNames: ['good.provider.test'] },
        { tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } },
      );
      const port = onlyPort(await checkServer('good.provider.test', options({ imaps: server.port }), deps));
      expect(port.verdict.kind).toBe('old-tls');
      expect(port.tls).toMatchObject({ protocol: 'TLSv1', legacyOnly: true });
      expect(port.verdict.explanation).toContain('TLSv1, older than TLS 1.2');
    },
  );
});

describe('connections', () => {
  it('probes IMAP, POP3 and SMTP with STARTTLS and implicit TLS, all six in parallel', async () => {
    const files = await issueCertificate(dir.path, ca, {
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
    });
    const plan: Array<[MailService, MailTlsServerOptions['protocol'], MailTlsServerOptions['mode']]> = [
      ['imap', 'imap', 'starttls'],
      ['imaps', 'imap', 'implicit'],
      ['pop3', 'pop3', 'starttls'],
      ['pop3s', 'pop3', 'implicit'],
      ['submission', 'smtp', 'starttls'],
      ['submissions', 'smtp', 'implicit'],
    ];
    const ports: Partial<PortPlan> = {};
    for (const [service, protocol, mode] of plan)
      ports[service] = (await serve(files, { protocol, mode })).port;
    // One silent port alongside shows the others do not wait for it.
    const silent = await serve(files, { behaviour: 'silent' });
    const started = Date.now();
    const report = await checkServer(
      'good.provider.test',
      options({ ...ports, imaps: silent.port }, { timeoutMs: 1_500 }),
      deps,
    );
    const elapsed = Date.now() - started;
    const server = report.servers[0];
    expect(server?.ports.map((port) => [port.service, port.mode, port.verdict.kind])).toEqual([
      ['imap', 'starttls', 'healthy'],
      ['imaps', 'implicit', 'unreachable'],
      ['pop3', 'starttls', 'healthy'],
      ['pop3s', 'implicit', 'healthy'],
      ['submission', 'starttls', 'healthy'],
      ['submissions', 'implicit', 'healthy'],
    ]);
    // In parallel: about one timeout in all, not one per port.
    expect(elapsed).toBeLessThan(2_500);
    expect(server?.verdict.kind).toBe('healthy');
  });

  it('reports a port that accepts and never answers as timed out, within the timeout', async () => {
    const files = await issueCertificate(dir.path, ca, {
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
    });
    const silentStarttls = await serve(files, { behaviour: 'silent', mode: 'starttls' });
    const silentImplicit = await serve(files, { behaviour: 'silent' });
    const report = await checkServer(
      'good.provider.test',
      options({ imap: silentStarttls.port, imaps: silentImplicit.port }, { timeoutMs: 800 }),
      deps,
    );
    for (const port of report.servers[0]?.ports ?? []) {
      expect(port.reachable).toBe(true);
      expect(port.failure?.kind).toBe('timed-out');
      expect(port.failure?.detail).toBe('the server accepted the connection but did not answer within 0.8 s');
      expect(port.elapsedMs).toBeGreaterThanOrEqual(790);
      expect(port.elapsedMs).toBeLessThan(1_300);
    }
    expect(silentStarttls.connections()).toBe(1);
    expect(report.verdict).toBe('unreachable');
    expect(report.problemsFound).toBe(true);
  });

  it('reports a closed port as refused, and a server with no open port as unreachable', async () => {
    const closed = await freePort();
    const report = await checkServer('good.provider.test', options({ imaps: closed }), deps);
    const port = onlyPort(report);
    expect(port.reachable).toBe(false);
    expect(port.failure).toEqual({
      kind: 'refused',
      detail: `nothing accepts connections on port ${closed} (connection refused)`,
    });
    expect(report.verdict).toBe('unreachable');
  });

  it('reports a name that does not exist without probing', async () => {
    const report = await checkServer('nowhere.provider.test', options({ imaps: 993 }), deps);
    expect(report.servers[0]?.lookupError).toContain('nowhere.provider.test does not exist in DNS');
    expect(
      report.servers[0]?.ports.map((port) => [port.service, port.reachable, port.failure?.kind]),
    ).toEqual([['imaps', false, 'name-not-found']]);
    expect(report.verdict).toBe('unreachable');
    expect(report.problemsFound).toBe(true);
  });

  it('reports STARTTLS refused (SMTP without STARTTLS, POP3 refusing STLS) as no encryption', async () => {
    const files = await issueCertificate(dir.path, ca, {
      commonName: 'good.provider.test',
      altNames: ['good.provider.test'],
    });
    const smtp = await serve(files, { protocol: 'smtp', mode: 'starttls', behaviour: 'no-starttls' });
    const pop3 = await serve(files, { protocol: 'pop3', mode: 'starttls', behaviour: 'no-starttls' });
    const report = await checkServer(
      'good.provider.test',
      options({ submission: smtp.port, pop3: pop3.port }),
      deps,
    );
    const kinds = report.servers[0]?.ports.map((port) => [
      port.service,
      port.verdict.kind,
      port.failure?.kind,
    ]);
    expect(kinds).toEqual([
      ['pop3', 'no-tls', 'no-tls'],
      ['submission', 'no-tls', 'no-tls'],
    ]);
    expect(report.verdict).toBe('no-tls');
  });
});

describe('from an e-mail address', () => {
  it('finds servers through SRV, MX and the usual names, and says where each came from', async () => {
    const files = await issueCertificate(dir.path, ca, {
      commonName: 'luna.provider.test',
      altNames: ['luna.provider.test', 'mx.provider.test'],
    });
    const server = await serve(files);
    const report = await checkServer('alice@customer.test', options({ imaps: server.port }), deps);
    expect(report.targetKind).toBe('email');
    const byHost = new Map(report.servers.map((entry) => [entry.host, entry]));
    expect([...byHost.keys()]).toEqual([
      'luna.provider.test',
      'mx.provider.test',
      'mail.customer.test',
      'imap.customer.test',
      'pop.customer.test',
      'smtp.customer.test',
    ]);
    expect(byHost.get('luna.provider.test')?.sources).toEqual([
      { kind: 'srv', detail: '_imaps._tcp.customer.test SRV → port 993' },
    ]);
    expect(byHost.get('mx.provider.test')?.sources).toEqual([
      { kind: 'mx', detail: 'MX 10 of customer.test' },
    ]);
    expect(byHost.get('luna.provider.test')?.verdict.kind).toBe('healthy');
    expect(byHost.get('mail.customer.test')?.verdict).toMatchObject({
      kind: 'name-mismatch',
      suggestedHost: 'luna.provider.test',
    });
    const guessed = byHost.get('imap.customer.test');
    expect(guessed?.lookupError).toContain('does not exist');
    expect(guessed?.problemsFound).toBe(false);
    expect(report.verdict).toBe('name-mismatch');
    expect(report.problemsFound).toBe(true);
  });
});
