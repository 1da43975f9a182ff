// From an e-mail address to the servers to check: RFC 6186 / RFC 8314 SRV records first, then
// the MX hosts, then the usual names; each candidate says where it came from.
import type { NameResolver } from '../dns/name-resolver.ts';
import { normalizeHostName } from '../dns/dns-records.ts';
import type { CandidateSource } from '../../../../shared/reports/certificate-report.ts';

/** A server name to check and why. */
export interface ServerCandidate {
  host: string;
  sources: CandidateSource[];
}

/** The SRV services of RFC 6186 and RFC 8314, TLS first. */
export const MAIL_SRV_SERVICES = [
  '_imaps._tcp',
  '_imap._tcp',
  '_pop3s._tcp',
  '_pop3._tcp',
  '_submissions._tcp',
  '_submission._tcp',
] as const;

/** The names providers commonly use, tried last. */
export const USUAL_PREFIXES = ['mail', 'imap', 'pop', 'smtp'] as const;

/** Candidates for a mail domain, SRV targets first, each host once with all its sources. */
export async function discoverServers(domain: string, resolver: NameResolver): Promise<ServerCandidate[]> {
  const candidates = new Map<string, ServerCandidate>();
  const add = (host: string, source: CandidateSource) => {
    const key = normalizeHostName(host);
    if (!key) return;
    const entry = candidates.get(key) ?? { host: key, sources: [] };
    entry.sources.push(source);
    candidates.set(key, entry);
  };
  const [srvAnswers, mx] = await Promise.all([
    Promise.all(MAIL_SRV_SERVICES.map((service) => resolver.srv(`${service}.${domain}`))),
    resolver.mx(domain),
  ]);
  MAIL_SRV_SERVICES.forEach((service, index) => {
    const records = [...(srvAnswers[index] ?? [])].sort(
      (a, b) => a.priority - b.priority || b.weight - a.weight,
    );
    for (const record of records) {
      // A target of "." says the service is deliberately not offered (RFC 2782).
      if (normalizeHostName(record.target) === '') continue;
      add(record.target, { kind: 'srv', detail: `${service}.${domain} SRV → port ${record.port}` });
    }
  });
  for (const record of [...mx].sort((a, b) => a.preference - b.preference)) {
    add(record.exchange, { kind: 'mx', detail: `MX ${record.preference} of ${domain}` });
  }
  for (const prefix of USUAL_PREFIXES) {
    add(`${prefix}.${domain}`, { kind: 'usual-name', detail: `the usual name ${prefix}.${domain}` });
  }
  return [...candidates.values()];
}
