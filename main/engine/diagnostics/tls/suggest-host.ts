// For a name mismatch, finds the name on the certificate that actually serves the same port
// (it resolves, accepts the connection and presents a certificate valid for it), so the fix
// we print is one that works.
import type { NameResolver } from '../dns/name-resolver.ts';
import type { CertificateFacts } from '../../../../shared/reports/certificate-report.ts';
import { certificateFacts } from './certificate-facts.ts';
import { candidateHostNames, matchesHostName } from './host-name-match.ts';
import type { MailService } from './mail-ports.ts';
import { probePort } from './tls-probe.ts';

const MAX_CANDIDATES = 6;

/** The best serving name, or null when none of the certificate's names serves this port. */
export async function suggestServingHost(input: {
  typedHost: string;
  certificate: CertificateFacts;
  service: MailService;
  port: number;
  resolver: NameResolver;
  timeoutMs: number;
  ca?: string[] | undefined;
}): Promise<string | null> {
  const candidates = candidateHostNames(input.typedHost, input.certificate).slice(0, MAX_CANDIDATES);
  const results = await Promise.all(candidates.map((name) => tryCandidate(name, input)));
  // Prefer a name whose certificate is also trusted; otherwise the first that matches at all.
  const trusted = candidates.find((_name, index) => results[index] === 'trusted');
  return trusted ?? candidates.find((_name, index) => results[index] === 'matches') ?? null;
}

async function tryCandidate(
  name: string,
  input: Parameters<typeof suggestServingHost>[0],
): Promise<'trusted' | 'matches' | 'no'> {
  const lookup = await input.resolver.addresses(name);
  const address = lookup.ok ? lookup.addresses[0] : undefined;
  if (!address) return 'no';
  const probe = await probePort({
    address,
    port: input.port,
    service: input.service,
    servername: name,
    timeoutMs: input.timeoutMs,
    ca: input.ca,
  });
  const leaf = probe.ok ? probe.chain[0] : undefined;
  if (!probe.ok || !leaf || !matchesHostName(name, certificateFacts(leaf))) return 'no';
  return probe.chainError === null ? 'trusted' : 'matches';
}
