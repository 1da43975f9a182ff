// The certificate check against a real Dovecot: STARTTLS on IMAP 143 and STLS on POP3 110,
// implicit TLS on 993 and 995, once with a certificate from the tests' CA and once with
// Dovecot's self-signed "localhost" certificate reached under another name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../../main/engine/diagnostics/tls/check-server.ts';
import type { CheckServerOptions } from '../../../main/engine/diagnostics/tls/check-server.ts';
import { createCertificateAuthority, issueCertificate } from '../../harness/certificates.ts';
import type { CertificateAuthority } from '../../harness/certificates.ts';
import { startDnsServer } from '../../harness/dns-server.ts';
import type { TestDnsServer } from '../../harness/dns-server.ts';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const dir = makeTempDir('certificate-dovecot');
let ca: CertificateAuthority;
let dns: TestDnsServer;
let trusted: DovecotServer;
let selfSigned: DovecotServer;
const deps = {
  clock: { now: () => new Date() },
  systemResolver: () => {
    throw new Error('the tests must never use the system resolver');
  },
};

beforeAll(async () => {
  ca = await createCertificateAuthority(dir.path);
  const certificate = await issueCertificate(dir.path, ca, {
    commonName: 'imap.provider.test',
    altNames: ['imap.provider.test', 'pop.provider.test'],
  });
  [dns, trusted, selfSigned] = await Promise.all([
    startDnsServer({
      zones: [{ origin: 'provider.test', records: ['imap 300 IN A 127.0.0.1', 'pop 300 IN A 127.0.0.1'] }],
    }),
    startDovecot({ users: [{ username: 'alice', password: 'pw' }], certificate }),
    startDovecot({ users: [{ username: 'bob', password: 'pw' }] }),
  ]);
});

afterAll(async () => {
  await Promise.all([trusted?.stop(), selfSigned?.stop(), dns?.stop()]);
  dir.remove();
});

function options(server: DovecotServer): CheckServerOptions {
  return {
    ports: { ...server.ports, submission: 0, submissions: 0 },
    resolver: { host: '127.0.0.1', port: dns.port },
    timeoutMs: 3_000,
    ca: [ca.certPem],
  };
}

describe('Dovecot', () => {
  it('is healthy on all four ports with a CA certificate for the name used', async () => {
    const report = await checkServer('imap.provider.test', options(trusted), deps);
    const server = report.servers[0];
    expect(server?.ports.map((port) => [port.service, port.port, port.mode, port.verdict.kind])).toEqual([
      ['imap', trusted.ports.imap, 'starttls', 'healthy'],
      ['imaps', trusted.ports.imaps, 'implicit', 'healthy'],
      ['pop3', trusted.ports.pop3, 'starttls', 'healthy'],
      ['pop3s', trusted.ports.pop3s, 'implicit', 'healthy'],
    ]);
    for (const port of server?.ports ?? []) {
      expect(port.certificate?.altNames).toEqual(['imap.provider.test', 'pop.provider.test']);
      expect(port.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    }
    expect(report.verdict).toBe('healthy');
    expect(report.problemsFound).toBe(false);
  });

  // One retry: a CI run once saw one port 'unreachable' here within 20 ms (cause unknown, not
  // reproduced in 17 local runs, 12 of them under parallel load); the message below names the
  // probe's failure should it show again.
  it(
    "reports Dovecot's own certificate as self-signed and made out to another name",
    { retry: 1 },
    async () => {
      const report = await checkServer('imap.provider.test', options(selfSigned), deps);
      for (const port of report.servers[0]?.ports ?? []) {
        expect(port.verdict.kind, `${port.service} ${port.port}: ${JSON.stringify(port.failure)}`).toBe(
          'self-signed',
        );
        expect(port.problems.map((problem) => problem.kind)).toEqual(['self-signed', 'name-mismatch']);
        expect(port.certificate?.fingerprint256).toBe(selfSigned.certificate.fingerprint256);
        // "localhost" is not in the test DNS, and an IP SAN is not a name to type.
        expect(port.problems[1]?.suggestedHost).toBeNull();
      }
      expect(report.servers[0]?.ports).toHaveLength(4);
      expect(report.verdict).toBe('self-signed');
      expect(report.problemsFound).toBe(true);
    },
  );
});
