// Finds the servers that are authoritative for a domain (its NS records, through a resolver)
// so TTLs come from the source, not from a cache counting down.
import type { DnsQuery } from './dns-client.ts';
import { formatDnsServerAddress } from './dns-server-address.ts';
import type { DnsServerAddress } from './dns-server-address.ts';
import { normalizeHostName } from './dns-records.ts';
import type { AskedServer } from '../../../../shared/reports/dns-report.ts';

/** An authoritative server to ask, and how it is shown. */
export interface Authority {
  server: AskedServer;
  address: DnsServerAddress;
}

/**
 * The NS of the domain (or of the nearest parent that has them), each name resolved to its
 * IPv4 addresses (IPv6 when it has none), asked on `port`.
 */
export async function findAuthorities(input: {
  domain: string;
  resolver: DnsServerAddress;
  port: number;
  timeoutMs: number;
  query: DnsQuery;
}): Promise<{ authorities: Authority[]; error: string | null }> {
  const ask = (name: string, type: 'NS' | 'A' | 'AAAA') =>
    input.query(input.resolver, name, type, { timeoutMs: input.timeoutMs, recursionDesired: true });
  const labels = normalizeHostName(input.domain).split('.');
  for (let start = 0; start < labels.length - 1; start++) {
    const zone = labels.slice(start).join('.');
    const result = await ask(zone, 'NS');
    if (!result.ok)
      return {
        authorities: [],
        error: `could not ask ${formatDnsServerAddress(input.resolver)} for the NS of ${zone}: ${result.detail}`,
      };
    const names = result.answers.flatMap((record) =>
      record.type === 'NS' && record.name === zone ? [normalizeHostName(record.value)] : [],
    );
    if (names.length === 0) continue;
    const authorities: Authority[] = [];
    for (const name of names.sort()) {
      for (const host of await addressesOf(name, ask)) {
        const address = { host, port: input.port };
        authorities.push({
          address,
          server: {
            label: `${name} (${formatDnsServerAddress(address)})`,
            address: formatDnsServerAddress(address),
            role: 'authoritative',
          },
        });
      }
    }
    if (authorities.length === 0)
      return { authorities, error: `the name servers of ${zone} (${names.join(', ')}) have no address` };
    return { authorities, error: null };
  }
  return { authorities: [], error: `no NS records found for ${input.domain} or its parents` };
}

async function addressesOf(
  name: string,
  ask: (name: string, type: 'A' | 'AAAA') => ReturnType<DnsQuery>,
): Promise<string[]> {
  for (const type of ['A', 'AAAA'] as const) {
    const result = await ask(name, type);
    const found = result.ok
      ? result.answers.flatMap((record) => (record.type === type ? [record.value] : []))
      : [];
    if (found.length > 0) return found;
  }
  return [];
}
