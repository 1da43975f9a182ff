import { parseAltNames } from '../tls/certificate-names.ts';
// Decides whether a TLS peer is acceptable: a chain Node trusts and a name that matches, or a
// certificate the admin pinned by its SHA-256 fingerprint for this one server. A rejection
// names the certificate's host names and fingerprint, so the admin can fix the name or pin it.
import { checkServerIdentity } from 'node:tls';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { Pop3Error } from './pop3-error.ts';
import type { PeerCertificateSummary } from './pop3-error.ts';

/** How to judge the peer: the name we asked for and an optional pin. */
export interface PeerExpectation {
  /** The host name (or IP address) the certificate must name. */
  hostname: string;
  /** `X509Certificate.fingerprint256` form; colons and case do not matter. */
  pinnedFingerprint256?: string | undefined;
  /** `host:port`, for messages. */
  target: string;
}

/** How the peer was accepted, for the log and the UI. */
export interface PeerVerdict {
  pinned: boolean;
  certificate: PeerCertificateSummary;
}

// Node's verify error codes, in words. Others are shown as the code itself.
const REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a root certificate this device does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is unknown to this device',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is unknown to this device',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its issuer is unknown (the server may not send its intermediate certificate)',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  CERT_REVOKED: 'it has been revoked',
  CERT_SIGNATURE_FAILURE: 'its signature is invalid',
};

/** Returns how the peer was accepted, or throws CERT_UNTRUSTED / CERT_HOSTNAME_MISMATCH / TLS_FAILED. */
export function verifyPeer(socket: TLSSocket, expectation: PeerExpectation): PeerVerdict {
  const raw = socket.getPeerCertificate();
  if (!raw || !raw.fingerprint256) {
    throw new Pop3Error('TLS_FAILED', `${expectation.target} presented no certificate.`);
  }
  const certificate = summarizeCertificate(raw);
  const pin = expectation.pinnedFingerprint256;
  if (pin !== undefined && sameFingerprint(pin, certificate.fingerprint256)) {
    return { pinned: true, certificate };
  }
  if (socket.authorized) return { pinned: false, certificate };

  // Node stores the verify error's code as a string here, despite the declared type.
  const reason = String(socket.authorizationError ?? 'UNKNOWN');
  const names = certificate.subjectAltNames.length
    ? certificate.subjectAltNames.join(', ')
    : (certificate.commonName ?? 'no host name');
  const identity = `It is issued to ${names}; SHA-256 fingerprint ${certificate.fingerprint256}.`;
  const pinNote = pin === undefined ? '' : ' It is not the pinned certificate either.';
  const details = { certificate, certificateReason: reason };
  const nameMismatch = checkServerIdentity(expectation.hostname, raw) !== undefined;
  if (reason === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    throw new Pop3Error(
      'CERT_HOSTNAME_MISMATCH',
      `The certificate of ${expectation.target} is not for ${expectation.hostname}. ${identity}${pinNote} Connect with one of its names, or pin this fingerprint for this server.`,
      details,
    );
  }
  const why = REASONS[reason] ?? `verification failed (${reason})`;
  const alsoName = nameMismatch ? ` It also does not name ${expectation.hostname}.` : '';
  throw new Pop3Error(
    'CERT_UNTRUSTED',
    `The certificate of ${expectation.target} is not trusted: ${why}. ${identity}${alsoName}${pinNote} If this is your server's certificate, pin this fingerprint for this server.`,
    details,
  );
}

/** The facts of a certificate worth showing a person. */
export function summarizeCertificate(raw: PeerCertificate): PeerCertificateSummary {
  return {
    subjectAltNames: parseAltNames(raw.subjectaltname),
    commonName: first(raw.subject?.CN),
    issuer: first(raw.issuer?.CN) ?? first(raw.issuer?.O),
    validFrom: raw.valid_from,
    validTo: raw.valid_to,
    fingerprint256: raw.fingerprint256,
  };
}

/** Compares fingerprints ignoring colons, spaces and case. */
export function sameFingerprint(a: string, b: string): boolean {
  const normalize = (value: string) => value.replace(/[\s:]/g, '').toUpperCase();
  const left = normalize(a);
  return left.length === 64 && left === normalize(b);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
