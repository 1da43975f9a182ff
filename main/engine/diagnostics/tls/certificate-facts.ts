// Turns a certificate into the facts a report shows (names, dates, fingerprint, self-signed).
import { parseAltNames } from '../../../infrastructure/protocols/tls/certificate-names.ts';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import type { CertificateFacts } from '../../../../shared/reports/certificate-report.ts';

/** The facts of one certificate. */
export function certificateFacts(certificate: X509Certificate): CertificateFacts {
  return {
    commonName: commonName(certificate.subject) ?? oneLine(certificate.subject),
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    altNames: parseAltNames(certificate.subjectAltName),
    validFrom: certificate.validFromDate.toISOString(),
    validTo: certificate.validToDate.toISOString(),
    fingerprint256: certificate.fingerprint256,
    serialNumber: certificate.serialNumber,
    selfSigned: isSelfSigned(certificate),
  };
}

/**
 * The server's certificate and the issuers after it, from `getPeerCertificate(true)`, which
 * links each certificate to its issuer and points a root at itself.
 */
export function peerChain(leaf: PeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: PeerCertificate | undefined = leaf;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    const next: PeerCertificate | undefined = (current as { issuerCertificate?: PeerCertificate })
      .issuerCertificate;
    current = next;
  }
  return chain;
}

// Subject equals issuer and its own key verifies it. Not `checkIssued`, which also demands the
// keyCertSign usage that a server's self-made certificate usually lacks.
function isSelfSigned(certificate: X509Certificate): boolean {
  if (certificate.subject !== certificate.issuer) return false;
  try {
    return certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}

function commonName(distinguishedName: string): string | null {
  for (const line of distinguishedName.split('\n')) {
    if (line.startsWith('CN=')) return line.slice(3);
  }
  return null;
}

function oneLine(distinguishedName: string): string {
  return distinguishedName.split('\n').filter(Boolean).join(', ');
}
