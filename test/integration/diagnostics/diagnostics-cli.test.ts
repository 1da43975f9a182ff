// `cutover check` and `cutover dns` end to end: text and --json, exit status 1 when a problem
// is found and 2 for a wrong command line, and NODE_EXTRA_CA_CERTS honoured by a real process.
// Every command line names a loopback --resolver, so nothing asks the system resolver.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/hosts/cli/run-cli.ts';
import type { CertificateReport } from '../../../shared/reports/certificate-report.ts';
import type { DnsReport } from '../../../shared/reports/dns-report.ts';
import { createCertificateAuthority, issueCertificate } from '../../harness/certificates.ts';
import type { CertificateAuthority } from '../../harness/certificates.ts';
import { startDnsServer } from '../../harness/dns-server.ts';
import type { TestDnsServer } from '../../harness/dns-server.ts';
import { startMailTlsServer } from '../../harness/mail-tls-server.ts';
import type { MailTlsServer } from '../../harness/mail-tls-server.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const run = promisify(execFile);
const dir = makeTempDir('diagnostics-cli');
let ca: CertificateAuthority;
let dns: TestDnsServer;
let stale: TestDnsServer;
let good: MailTlsServer;
let mismatched: MailTlsServer;

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await runCli(argv, { stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

beforeAll(async () => {
  ca = await createCertificateAuthority(dir.path);
  const zone = {
    origin: 'example.test',
    records: [
      '@ 300 IN MX 10 mx.example.test.',
      'mx 300 IN A 127.0.0.1',
      'luna 300 IN A 127.0.0.1',
      'mail 300 IN A 127.0.0.1',
      '_imaps._tcp 300 IN SRV 0 1 993 luna.example.test.',
      '_submissions._tcp 300 IN SRV 0 1 465 luna.example.test.',
    ],
  };
  const [goodCert, lunaCert] = await Promise.all([
    issueCertificate(dir.path, ca, { commonName: 'mail.example.test', altNames: ['mail.example.test'] }),
    issueCertificate(dir.path, ca, { commonName: 'luna.example.test', altNames: ['luna.example.test'] }),
  ]);
  [dns, stale, good, mismatched] = await Promise.all([
    startDnsServer({ zones: [zone] }),
    startDnsServer({ zones: [{ origin: 'example.test', records: ['@ 86400 IN MX 10 old.example.net.'] }] }),
    startMailTlsServer({ protocol: 'imap', mode: 'implicit', certificate: goodCert }),
    startMailTlsServer({ protocol: 'imap', mode: 'implicit', certificate: lunaCert }),
  ]);
});

afterAll(async () => {
  await Promise.all([dns?.stop(), stale?.stop(), good?.close(), mismatched?.close()]);
  dir.remove();
});

const onlyImaps = (port: number) => `imap=0,imaps=${port},pop3=0,pop3s=0,submission=0,submissions=0`;

describe('cutover check', () => {
  it('prints the verdict and exits 0 for a healthy server', async () => {
    const caPath = join(dir.path, 'ca.pem');
    await import('node:fs/promises').then((fs) => fs.writeFile(caPath, ca.certPem));
    const result = await cli(
      'check',
      'mail.example.test',
      '--ports',
      onlyImaps(good.port),
      '--resolver',
      dns.address,
      '--ca',
      caPath,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`IMAP over TLS, port ${good.port}: ok (TLSv1.3,`);
    expect(result.stdout).toContain('Result: no problem found.');
  });

  it('gives the fix and exits 1 for a name mismatch, as JSON with --json', async () => {
    const caPath = join(dir.path, 'ca.pem');
    const result = await cli(
      '--json',
      'check',
      'mail.example.test',
      '--ports',
      onlyImaps(mismatched.port),
      '--resolver',
      dns.address,
      '--ca',
      caPath,
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CertificateReport;
    expect(report.verdict).toBe('name-mismatch');
    expect(report.servers[0]?.verdict.suggestedHost).toBe('luna.example.test');
    expect(result.stderr).toBe(
      'Problem found: mail.example.test: The server name does not match the certificate. Use luna.example.test (the name on the certificate) as your incoming server.\n',
    );
  });

  it('trusts NODE_EXTRA_CA_CERTS in a real process (no --ca)', async () => {
    const caPath = join(dir.path, 'extra-ca.pem');
    await import('node:fs/promises').then((fs) => fs.writeFile(caPath, ca.certPem));
    const bin = join(import.meta.dirname, '../../../bin/cutover.js');
    const args = [
      bin,
      '--json',
      'check',
      'mail.example.test',
      '--ports',
      onlyImaps(good.port),
      '--resolver',
      dns.address,
    ];
    const trusted = await run(process.execPath, args, {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath },
    });
    expect((JSON.parse(trusted.stdout) as CertificateReport).verdict).toBe('healthy');
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const untrusted = await run(process.execPath, args, { env }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect('code' in untrusted ? untrusted.code : 0).toBe(1);
    expect((JSON.parse(untrusted.stdout) as CertificateReport).verdict).toBe('untrusted-issuer');
  });

  it('finds the servers of an e-mail address', async () => {
    const result = await cli(
      '--json',
      'check',
      'alice@example.test',
      '--ports',
      onlyImaps(good.port),
      '--resolver',
      dns.address,
      '--timeout',
      '2000',
    );
    const report = JSON.parse(result.stdout) as CertificateReport;
    expect(report.servers.map((server) => [server.host, server.sources[0]?.kind])).toEqual([
      ['luna.example.test', 'srv'],
      ['mx.example.test', 'mx'],
      ['mail.example.test', 'usual-name'],
      ['imap.example.test', 'usual-name'],
      ['pop.example.test', 'usual-name'],
      ['smtp.example.test', 'usual-name'],
    ]);
  });

  it('rejects a wrong command line with status 2', async () => {
    const ports = await cli('check', 'mail.example.test', '--ports', 'imap=x', '--resolver', dns.address);
    expect(ports.code).toBe(2);
    expect(ports.stderr).toBe(
      '"imap=x" is not service=port (services: imap, imaps, pop3, pop3s, submission, submissions)\n',
    );
    const resolver = await cli('check', 'mail.example.test', '--resolver', 'dns.example.com');
    expect(resolver.code).toBe(2);
    expect(resolver.stderr).toContain('is not an IP address');
    const target = await cli('check', 'not a host', '--resolver', dns.address);
    expect(target.code).toBe(2);
  });
});

describe('cutover dns', () => {
  it('is ready when the authority and the resolver agree with --expect-mx (exit 0)', async () => {
    const result = await cli(
      'dns',
      'example.test',
      '--expect-mx',
      'mx.example.test',
      '--resolver',
      dns.address,
      '--authority',
      dns.address,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'ok   MX TTL ≤ 3600 (300 recommended): TTL of the MX records of example.test is 300 s',
    );
    expect(result.stdout).toContain('MX example.test, expected mx.example.test (--expect-mx): 2 of 2 agree');
  });

  it('reports a resolver that disagrees, as JSON, and exits 1', async () => {
    const result = await cli(
      '--json',
      'dns',
      'example.test',
      '--expect-mx',
      'mx.example.test',
      '--resolver',
      dns.address,
      '--resolver',
      stale.address,
      '--authority',
      dns.address,
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DnsReport;
    expect(report.verdict).toBe('propagating');
    expect(report.propagation[0]?.answers.map((answer) => [answer.server.address, answer.agrees])).toEqual([
      [dns.address, true],
      [dns.address, true],
      [stale.address, false],
    ]);
    expect(result.stderr).toContain('Not ready: Not everywhere yet');
  });

  it('rejects a bad domain or resolver with status 2', async () => {
    expect((await cli('dns', 'not_a_domain', '--resolver', dns.address)).code).toBe(2);
    expect((await cli('dns', 'example.test', '--resolver', '127.0.0.1:99999')).code).toBe(2);
  });
});
