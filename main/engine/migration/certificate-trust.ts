import { checkServerIdentity } from 'node:tls';
import type { ConnectionOptions, PeerCertificate } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { probePort } from '../diagnostics/tls/tls-probe.ts';
import { certificateNames } from '../../infrastructure/protocols/tls/certificate-names.ts';
import type { ImapEndpoint } from '../../infrastructure/protocols/imap/open-imap.ts';
import type { TlsSettings } from '../../infrastructure/protocols/pop3/index.ts';
import type { JobSpec } from '../../../shared/job-spec.ts';
import { destinationEndpoint, sourceEndpoints } from './endpoints.ts';
import { MigrationError } from './migration-error.ts';

const PROBE_TIMEOUT_MS = 15_000;

/** The certificate an IMAP server presents (STARTTLS or implicit TLS), or null if unreachable. */
async function serverCertificate(endpoint: ImapEndpoint): Promise<X509Certificate | null> {
  const probe = await probePort({
    address: endpoint.host,
    port: endpoint.port,
    service: endpoint.security === 'tls' ? 'imaps' : 'imap',
    servername: endpoint.host,
    timeoutMs: PROBE_TIMEOUT_MS,
  }).catch(() => null);
  return probe?.ok ? (probe.chain[0] ?? null) : null;
}

/**
 * TLS options that trust one pinned certificate for one IMAP server only. The server's
 * certificate is fetched first (verification off on that probe socket alone); if its SHA-256
 * fingerprint is the pinned one, the real connection trusts exactly that certificate, and
 * nothing else changes for any other connection.
 */
export async function pinnedImapTls(
  endpoint: ImapEndpoint,
  fingerprint: string | null,
  side: 'source' | 'destination',
): Promise<ConnectionOptions | null | undefined> {
  if (!fingerprint) return undefined;
  const leaf = await serverCertificate(endpoint);
  // Unreachable now (down, or not speaking TLS): null, so the next attempt asks again; the
  // real connection reports why.
  if (!leaf) return null;
  if (leaf.fingerprint256 !== fingerprint) {
    throw new MigrationError(
      'certificate-untrusted',
      `The certificate of the ${side === 'source' ? 'old' : 'new'} server (${endpoint.host}) is not the one you trusted. It is valid for ${certificateNames(leaf).join(', ') || 'no host name'} and its SHA-256 fingerprint is ${leaf.fingerprint256}. If the server's certificate was replaced on purpose, trust the new fingerprint.`,
      { side },
    );
  }
  return {
    ca: [leaf.toString()],
    allowPartialTrustChain: true,
    checkServerIdentity: (host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === fingerprint ? undefined : checkServerIdentity(host, cert),
  } as ConnectionOptions;
}

/**
 * Adds to a certificate error what the admin needs to decide: the names the certificate is
 * valid for and its fingerprint, and how to trust it for this server only.
 */
export async function explainCertificateError(
  error: MigrationError,
  endpoint: ImapEndpoint,
  trustOption: string,
): Promise<MigrationError> {
  const leaf = await serverCertificate(endpoint);
  if (!leaf) return error;
  const server = `the ${error.side === 'destination' ? 'new' : 'old'} server (${endpoint.host})`;
  const why =
    error.code === 'certificate-mismatch'
      ? 'is not valid for the name you used'
      : 'is not trusted by this computer';
  return new MigrationError(
    error.code,
    `The certificate of ${server} ${why}. It is valid for ${certificateNames(leaf).join(', ') || 'no host name'}; its SHA-256 fingerprint is ${leaf.fingerprint256}. Use one of those names, or, if you trust this certificate, trust it for this server only (${trustOption} ${leaf.fingerprint256}).`,
    { side: error.side, cause: error },
  );
}

/** Both sides' IMAP TLS options for a job, and whether each pinned side could be reached. */
export interface JobTls {
  source?: ConnectionOptions;
  destination?: ConnectionOptions;
  /** False while a pinned server could not be reached: ask again before the next attempt. */
  settled: boolean;
}

/** Both sides' IMAP TLS options for a job, from its pinned fingerprints. */
async function imap(spec: JobSpec): Promise<JobTls> {
  const sourceImap = sourceEndpoints(spec.source).imap;
  const [source, destination] = await Promise.all([
    sourceImap ? pinnedImapTls(sourceImap, spec.source.trustedFingerprint, 'source') : undefined,
    pinnedImapTls(destinationEndpoint(spec.destination), spec.destination.trustedFingerprint, 'destination'),
  ]);
  return {
    ...(source ? { source } : {}),
    ...(destination ? { destination } : {}),
    settled: source !== null && destination !== null,
  };
}

/** The POP3 client checks pins itself, on the same socket. */
function pop3(fingerprint: string | null): TlsSettings {
  return fingerprint ? { pinnedFingerprint256: fingerprint } : {};
}

/** A certificate error of either side, explained with the option that trusts it. */
async function explain(error: MigrationError, spec: JobSpec): Promise<MigrationError> {
  const endpoint =
    error.side === 'destination' ? destinationEndpoint(spec.destination) : sourceEndpoints(spec.source).imap;
  if (!endpoint) return error;
  return explainCertificateError(error, endpoint, error.side === 'destination' ? '--dest-trust' : '--trust');
}

export const tlsForJob = { imap, pop3, explain };
