// Proves the test certificates behave like real ones in a TLS handshake: trusted chains,
// intermediates, name mismatches, expiry, self-signed certificates and Node's fingerprint form.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:tls';
import type { ConnectionOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate } from '../harness/certificates.ts';
import type { CertificateAuthority, CertificateFiles } from '../harness/certificates.ts';

const LOCAL = ['localhost', '127.0.0.1'];

describe('test certificates', () => {
  let dir: string;
  let ca: CertificateAuthority;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-certs-'));
    ca = await createCertificateAuthority(dir, 'Cutover Test Root');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes a CA certificate that can sign', () => {
    const x509 = new X509Certificate(ca.certPem);
    expect(x509.ca).toBe(true);
    expect(x509.subject).toBe('CN=Cutover Test Root');
    expect(x509.checkIssued(x509)).toBe(true);
  });

  it('issues a certificate that verifies against the CA in a real handshake', async () => {
    const leaf = await issueCertificate(dir, ca, { commonName: 'localhost', altNames: LOCAL });
    const x509 = new X509Certificate(leaf.certPem);
    expect(x509.checkIssued(new X509Certificate(ca.certPem))).toBe(true);
    expect(x509.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);

    const byIp = await handshake(leaf, { host: '127.0.0.1', ca: [ca.certPem] });
    expect(byIp).toEqual({ authorized: true, fingerprint256: leaf.fingerprint256 });
    const byName = await handshake(leaf, { servername: 'localhost', ca: [ca.certPem] });
    expect(byName.authorized).toBe(true);

    const untrusted = await handshake(leaf, { host: '127.0.0.1' });
    expect(untrusted.error).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('issues intermediates, so a chain served as leaf + intermediate verifies', async () => {
    const intermediate = await issueCertificate(dir, ca, {
      commonName: 'Cutover Test Intermediate',
      altNames: [],
      isCertificateAuthority: true,
    });
    const leaf = await issueCertificate(dir, intermediate, {
      commonName: 'localhost',
      altNames: LOCAL,
    });
    const chain = { ...leaf, certPem: leaf.certPem + intermediate.certPem };
    expect((await handshake(chain, { host: '127.0.0.1', ca: [ca.certPem] })).authorized).toBe(true);
    const leafOnly = await handshake(leaf, { host: '127.0.0.1', ca: [ca.certPem] });
    expect(leafOnly.error).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('puts exactly the requested names in the SAN list, wildcards included', async () => {
    const leaf = await issueCertificate(dir, ca, {
      commonName: 'mail.example.test',
      altNames: ['mail.example.test', '*.example.test', '127.0.0.1', '::1'],
    });
    const x509 = new X509Certificate(leaf.certPem);
    expect(x509.subjectAltName).toBe(
      'DNS:mail.example.test, DNS:*.example.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(x509.checkHost('imap.example.test')).toBe('*.example.test');
    expect(x509.checkHost('a.b.example.test')).toBeUndefined();
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('fails the handshake when the name does not match', async () => {
    const leaf = await issueCertificate(dir, ca, {
      commonName: 'mail.example.test',
      altNames: ['mail.example.test'],
    });
    const result = await handshake(leaf, { servername: 'localhost', ca: [ca.certPem] });
    expect(result.error).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('issues expired certificates with exact dates', async () => {
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2020-06-01T12:00:00Z');
    const leaf = await issueCertificate(dir, ca, {
      commonName: 'localhost',
      altNames: LOCAL,
      notBefore,
      notAfter,
    });
    const x509 = new X509Certificate(leaf.certPem);
    expect(new Date(x509.validFrom).getTime()).toBe(notBefore.getTime());
    expect(new Date(x509.validTo).getTime()).toBe(notAfter.getTime());
    expect(new Date(x509.validTo).getTime()).toBeLessThan(Date.now());
    const result = await handshake(leaf, { host: '127.0.0.1', ca: [ca.certPem] });
    expect(result.error).toBe('CERT_HAS_EXPIRED');
  });

  it('issues self-signed certificates', async () => {
    const self = await issueCertificate(dir, null, {
      commonName: 'localhost',
      altNames: LOCAL,
      selfSigned: true,
    });
    const x509 = new X509Certificate(self.certPem);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.ca).toBe(false);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.verify(new X509Certificate(ca.certPem).publicKey)).toBe(false);
    const untrusted = await handshake(self, { host: '127.0.0.1', ca: [ca.certPem] });
    expect(untrusted.error).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    const pinned = await handshake(self, { host: '127.0.0.1', ca: [self.certPem] });
    expect(pinned.authorized).toBe(true);
  });

  it("reports the fingerprint exactly as Node's X509Certificate does", async () => {
    const leaf = await issueCertificate(dir, ca, { commonName: 'localhost', altNames: LOCAL });
    const fromDisk = new X509Certificate(await readFile(leaf.certPath));
    expect(leaf.fingerprint256).toBe(fromDisk.fingerprint256);
    expect(leaf.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await readFile(leaf.keyPath, 'utf8')).toBe(leaf.keyPem);
  });
});

interface HandshakeResult {
  authorized?: boolean;
  fingerprint256?: string;
  error?: string;
}

// Serves `cert` on 127.0.0.1:0 and connects once with the given client options.
async function handshake(
  cert: Pick<CertificateFiles, 'certPem' | 'keyPem'>,
  client: ConnectionOptions,
): Promise<HandshakeResult> {
  const server = createServer({ cert: cert.certPem, key: cert.keyPem }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<HandshakeResult>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, ...client });
      socket.once('secureConnect', () => {
        resolve({
          authorized: socket.authorized,
          fingerprint256: socket.getPeerCertificate().fingerprint256,
        });
        socket.destroy();
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        resolve({ error: error.code ?? error.message });
        socket.destroy();
      });
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
