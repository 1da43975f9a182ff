// Test certificates made with the openssl CLI: a CA, and leaf certificates that are valid,
// expired, self-signed, wildcard or for the wrong name, so TLS checks meet real cases.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its private key, as PEM text and as files on disk. */
export interface CertificateFiles {
  certPem: string;
  keyPem: string;
  certPath: string;
  keyPath: string;
  /** Colon-separated uppercase SHA-256, the form of Node's `X509Certificate.fingerprint256`. */
  fingerprint256: string;
}

/** A certificate that can sign others: the test CA, or an intermediate issued from it. */
export type CertificateAuthority = CertificateFiles;

/** What a leaf certificate should say; dates in the past give an expired certificate. */
export interface IssueOptions {
  commonName: string;
  /** DNS names (wildcards allowed) and IP addresses for the subjectAltName extension. */
  altNames: string[];
  /** Defaults to one hour ago. */
  notBefore?: Date;
  /** Defaults to 30 days from now. */
  notAfter?: Date;
  /** Sign with the certificate's own key instead of the CA's. */
  selfSigned?: boolean;
  /** Mark the certificate as a CA, so it can issue others (an intermediate). */
  isCertificateAuthority?: boolean;
  /** The key: EC P-256 (default) or RSA 2048, which Microsoft wants for an app's certificate. */
  keyType?: 'ec' | 'rsa';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Makes a self-signed CA certificate (EC P-256, ten years) in `dir`. */
export async function createCertificateAuthority(
  dir: string,
  name = 'Cutover Test CA',
): Promise<CertificateAuthority> {
  return issueCertificate(dir, null, {
    commonName: name,
    altNames: [],
    notAfter: new Date(Date.now() + 3650 * DAY),
    selfSigned: true,
    isCertificateAuthority: true,
  });
}

/**
 * Issues a certificate signed by `ca` (or self-signed when `ca` is null or `selfSigned` is set),
 * with exact validity dates, which is why `openssl ca` is used rather than `x509 -req -days`.
 */
export async function issueCertificate(
  dir: string,
  ca: CertificateAuthority | null | undefined,
  options: IssueOptions,
): Promise<CertificateFiles> {
  const selfSigned = options.selfSigned === true || !ca;
  const notBefore = options.notBefore ?? new Date(Date.now() - HOUR);
  const notAfter = options.notAfter ?? new Date(Date.now() + 30 * DAY);
  await mkdir(dir, { recursive: true });
  const base = join(dir, `${slug(options.commonName)}-${Math.random().toString(16).slice(2, 8)}`);
  const certPath = `${base}.crt`;
  const keyPath = `${base}.key`;
  // A scratch database per call, so concurrent issuing in one directory cannot collide.
  const work = await mkdtemp(join(dir, '.openssl-'));
  try {
    const csrPath = join(work, 'request.csr');
    const configPath = join(work, 'ca.cnf');
    await writeFile(join(work, 'index.txt'), '');
    await writeFile(configPath, caConfig(work, options));
    await openssl([
      'req',
      '-new',
      '-newkey',
      ...(options.keyType === 'rsa' ? ['rsa:2048'] : ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256']),
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      csrPath,
      '-subj',
      `/CN=${escapeDnValue(options.commonName)}`,
    ]);
    const signer = selfSigned
      ? ['-selfsign', '-keyfile', keyPath]
      : ['-cert', ca.certPath, '-keyfile', ca.keyPath];
    await openssl([
      'ca',
      '-batch',
      '-notext',
      '-config',
      configPath,
      ...signer,
      '-in',
      csrPath,
      '-out',
      certPath,
      '-startdate',
      asn1Time(notBefore),
      '-enddate',
      asn1Time(notAfter),
      '-extensions',
      'issued',
    ]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const certPem = await readFile(certPath, 'utf8');
  const keyPem = await readFile(keyPath, 'utf8');
  const fingerprint256 = new X509Certificate(certPem).fingerprint256;
  return { certPem, keyPem, certPath, keyPath, fingerprint256 };
}

function caConfig(work: string, options: IssueOptions): string {
  const altNames = options.altNames.map((name) => (isIP(name) ? `IP:${name}` : `DNS:${name}`));
  const extensions = options.isCertificateAuthority
    ? ['basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign']
    : [
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage = serverAuth,clientAuth',
      ];
  if (altNames.length > 0) extensions.push(`subjectAltName = ${altNames.join(',')}`);
  extensions.push('subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid');
  return [
    '[ ca ]',
    'default_ca = test_ca',
    '[ test_ca ]',
    `database = ${join(work, 'index.txt')}`,
    `new_certs_dir = ${work}`,
    'rand_serial = yes',
    'default_md = sha256',
    'policy = policy_any',
    'unique_subject = no',
    'email_in_dn = no',
    'copy_extensions = none',
    '[ policy_any ]',
    'commonName = supplied',
    '[ issued ]',
    ...extensions,
    '',
  ].join('\n');
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || String(error)}`, {
      cause: error,
    });
  }
}

// GeneralizedTime (YYYYMMDDHHMMSSZ), which `openssl ca -startdate/-enddate` accepts for any year.
function asn1Time(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function escapeDnValue(value: string): string {
  return value.replace(/[\\/=+,]/g, (char) => `\\${char}`);
}

function slug(value: string): string {
  return value.replace(/[^a-zA-Z0-9.-]+/g, '_').replace(/^\.+/, '') || 'cert';
}
