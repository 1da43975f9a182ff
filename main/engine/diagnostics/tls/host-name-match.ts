// RFC 6125 host name matching through Node's own `tls.checkServerIdentity` (wildcards match
// one label, IP addresses only IP SANs), and the certificate's names a user could type instead.
import { isIP } from 'node:net';
import { checkServerIdentity } from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import type { CertificateFacts } from '../../../../shared/reports/certificate-report.ts';

/** Whether `host` is a name this certificate is made out to. */
export function matchesHostName(host: string, certificate: CertificateFacts): boolean {
  const dnsNames = certificate.altNames.filter((name) => isIP(name) === 0);
  const ipNames = certificate.altNames.filter((name) => isIP(name) !== 0);
  const subjectaltname = [...dnsNames.map((n) => `DNS:${n}`), ...ipNames.map((n) => `IP Address:${n}`)].join(
    ', ',
  );
  const peer = { subject: { CN: certificate.commonName }, subjectaltname } as unknown as PeerCertificate;
  return checkServerIdentity(host, peer) === undefined;
}

/**
 * Names on the certificate a user could type instead, best first: exact DNS names (the common
 * name only when there are no SANs, as clients ignore it then), and for a wildcard the typed
 * host's first label under it (`*.example.net` with `mail.customer.com` → `mail.example.net`).
 */
export function candidateHostNames(typedHost: string, certificate: CertificateFacts): string[] {
  const dnsNames = certificate.altNames.filter((name) => isIP(name) === 0);
  const names = dnsNames.length > 0 ? dnsNames : [certificate.commonName];
  const firstLabel = typedHost.toLowerCase().split('.')[0] ?? '';
  const candidates: string[] = [];
  for (const raw of names) {
    const name = raw.toLowerCase().replace(/\.$/, '');
    if (!/^[a-z0-9*]([a-z0-9.*-]*[a-z0-9])?$/.test(name)) continue;
    const candidate = name.startsWith('*.') ? (isIP(typedHost) ? '' : `${firstLabel}${name.slice(1)}`) : name;
    if (!candidate || candidate.includes('*') || candidate === typedHost.toLowerCase()) continue;
    if (!candidates.includes(candidate)) candidates.push(candidate);
  }
  return candidates;
}
