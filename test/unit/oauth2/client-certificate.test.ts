// An app's certificate credential (Microsoft 365 app-only): what Cutover reads from the PEM the
// admin gives, and what it says when the file is not usable, without ever repeating the key.
import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate, type CertificateFiles } from '../../harness/certificates.ts';
import { parseClientCertificate } from '../../../main/infrastructure/oauth2/client-certificate.ts';
import { signInProblems } from '../../../main/engine/migration/sign-in-request.ts';
import { readSignIn } from '../../../main/hosts/cli/sign-in-file.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const dir = makeTempDir('client-certificate');
let app: CertificateFiles;
let other: CertificateFiles;
let expired: CertificateFiles;
const client = {
  issuer: 'https://login.example/tenant/v2.0',
  authorizationEndpoint: 'https://login.example/tenant/oauth2/v2.0/authorize',
  tokenEndpoint: 'https://login.example/tenant/oauth2/v2.0/token',
  clientId: 'c',
  userScopes: [],
  appScopes: ['https://outlook.office365.com/.default'],
};

beforeAll(async () => {
  const options = { altNames: [], keyType: 'rsa' as const };
  [app, other, expired] = await Promise.all([
    issueCertificate(dir.path, null, { ...options, commonName: 'Migration app' }),
    issueCertificate(dir.path, null, { ...options, commonName: 'Another app' }),
    issueCertificate(dir.path, null, {
      ...options,
      commonName: 'Old app',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-01-01T00:00:00Z'),
    }),
  ]);
});
afterAll(() => dir.remove());

const keyLine = (files: CertificateFiles) => files.keyPem.split('\n')[1]!;

describe("an app's certificate and private key", () => {
  it('is read in either order, with the thumbprints Microsoft looks the certificate up by', () => {
    const der = new X509Certificate(app.certPem).raw;
    for (const pem of [app.certPem + app.keyPem, `${app.keyPem}\n${app.certPem}`]) {
      const read = parseClientCertificate(pem);
      expect(read.x5t).toBe(createHash('sha1').update(der).digest('base64url'));
      expect(read.x5tS256).toBe(createHash('sha256').update(der).digest('base64url'));
      expect(read.privateKey.asymmetricKeyType).toBe('rsa');
    }
  });

  it('says what is missing, and never repeats the key', () => {
    expect(() => parseClientCertificate(app.keyPem)).toThrow(/has no certificate/);
    expect(() => parseClientCertificate(app.certPem)).toThrow(/has no private key.*openssl pkcs12/);
    const encrypted =
      app.certPem + '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n';
    expect(() => parseClientCertificate(encrypted)).toThrow(/protected with a passphrase/);
    let message = '';
    try {
      parseClientCertificate(app.certPem + other.keyPem);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/belongs to another certificate/);
    expect(message).not.toContain(keyLine(other));
  });

  it('is checked when a job or a server is saved: expired, or a secret and a certificate both', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(
      signInProblems({ method: 'app', client, certificate: app.certPem + app.keyPem }, 'x', now),
    ).toEqual([]);
    expect(
      signInProblems(
        { method: 'app', client, certificate: expired.certPem + expired.keyPem },
        'destination sign-in',
        now,
      ),
    ).toEqual([
      "destination sign-in: the app's certificate expired on 2025-01-01: make a new one, upload it to the app registration, and give it here.",
    ]);
    expect(
      signInProblems(
        { method: 'app', client, clientSecret: 's', certificate: app.certPem + app.keyPem },
        'x',
        now,
      ),
    ).toEqual(["x: give the app's client secret or its certificate, not both."]);
    expect(signInProblems({ method: 'app', client }, 'x', now)).toEqual([
      "x: the app's client secret (or its certificate with the private key) is missing.",
    ]);
  });

  it('comes to the CLI as a file named in the sign-in file, never on the command line', () => {
    const pemPath = join(dir.path, 'app.pem');
    writeFileSync(pemPath, app.certPem + app.keyPem);
    const signIn = {
      method: 'app',
      provider: 'microsoft-365',
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'c1',
      certificateFile: pemPath,
    };
    const request = readSignIn('env:AUTH', '--dest-auth', { AUTH: JSON.stringify(signIn) });
    expect(request).toMatchObject({ method: 'app', certificate: app.certPem + app.keyPem });
    expect(request).not.toHaveProperty('clientSecret');
    expect(() =>
      readSignIn('env:AUTH', '--dest-auth', { AUTH: JSON.stringify({ ...signIn, clientSecret: 's' }) }),
    ).toThrow(/"clientSecret" or its "certificateFile", not both/);
  });
});
