// The few look-ups the certificate check needs (addresses, SRV, MX), either through a DNS
// server the user named (--resolver) or through the device's own resolver, like a mail client.
import { promises as systemDns } from 'node:dns';
import { isIP } from 'node:net';
import { queryDns } from './dns-client.ts';
import type { DnsQuery } from './dns-client.ts';
import { formatDnsServerAddress } from './dns-server-address.ts';
import type { DnsServerAddress } from './dns-server-address.ts';
import { normalizeHostName } from './dns-records.ts';
import type { DnsRecordType, MxValue, SrvValue } from './dns-records.ts';

/** Addresses of a name, or why there are none ("not-found" is NXDOMAIN or no A/AAAA). */
export type AddressLookup =
  { ok: true; addresses: string[] } | { ok: false; reason: 'not-found' | 'failed'; detail: string };

/** A resolver as the certificate check uses it; `label` says which one in reports. */
export interface NameResolver {
  label: string;
  addresses(name: string): Promise<AddressLookup>;
  /** SRV records; empty when there are none or the look-up failed. */
  srv(name: string): Promise<SrvValue[]>;
  /** MX records; empty when there are none or the look-up failed. */
  mx(name: string): Promise<MxValue[]>;
}

const MAX_CNAME_HOPS = 8;

/** Asks one DNS server (recursion desired) and follows CNAMEs itself if the server does not. */
export function createServerResolver(
  server: DnsServerAddress,
  timeoutMs: number,
  query: DnsQuery = queryDns,
): NameResolver {
  const ask = (name: string, type: DnsRecordType) =>
    query(server, name, type, { timeoutMs, recursionDesired: true });
  return {
    label: formatDnsServerAddress(server),
    async addresses(name) {
      if (isIP(name)) return { ok: true, addresses: [name] };
      const addresses: string[] = [];
      let notFound = '';
      for (const type of ['A', 'AAAA'] as const) {
        if (notFound) break;
        let current = normalizeHostName(name);
        for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
          const result = await ask(current, type);
          if (!result.ok) return { ok: false, reason: 'failed', detail: result.detail };
          if (result.rcode !== 'NOERROR' && result.rcode !== 'NXDOMAIN') {
            const detail = `${formatDnsServerAddress(server)} would not answer for ${current} (${result.rcode})`;
            return { ok: false, reason: 'failed', detail };
          }
          if (result.rcode === 'NXDOMAIN') {
            notFound = `${name} does not exist in DNS (asked ${formatDnsServerAddress(server)})`;
            break;
          }
          const found = result.answers.flatMap((r) => (r.type === type ? [r.value] : []));
          addresses.push(...found);
          const cname = result.answers.find((r) => r.type === 'CNAME' && r.name === current);
          if (found.length > 0 || !cname || cname.type !== 'CNAME') break;
          current = normalizeHostName(cname.value);
        }
      }
      if (addresses.length > 0) return { ok: true, addresses: [...new Set(addresses)] };
      return {
        ok: false,
        reason: 'not-found',
        detail: notFound || `${name} has no address in DNS (asked ${formatDnsServerAddress(server)})`,
      };
    },
    async srv(name) {
      const result = await ask(name, 'SRV');
      return result.ok ? result.answers.flatMap((r) => (r.type === 'SRV' ? [r.value] : [])) : [];
    },
    async mx(name) {
      const result = await ask(name, 'MX');
      return result.ok ? result.answers.flatMap((r) => (r.type === 'MX' ? [r.value] : [])) : [];
    },
  };
}

/** The device's resolver (hosts file included), for when no --resolver is given. */
export function createSystemResolver(): NameResolver {
  return {
    label: 'this device’s resolver',
    async addresses(name) {
      if (isIP(name)) return { ok: true, addresses: [name] };
      try {
        const found = await systemDns.lookup(name, { all: true });
        return { ok: true, addresses: [...new Set(found.map((entry) => entry.address))] };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOTFOUND' || code === 'ENODATA') {
          return { ok: false, reason: 'not-found', detail: `${name} does not exist in DNS` };
        }
        return {
          ok: false,
          reason: 'failed',
          detail: `looking up ${name} failed (${code ?? String(error)})`,
        };
      }
    },
    async srv(name) {
      const records = await systemDns.resolveSrv(name).catch(() => []);
      return records.map(({ priority, weight, port, name: target }) => ({ priority, weight, port, target }));
    },
    async mx(name) {
      const records = await systemDns.resolveMx(name).catch(() => []);
      return records.map((r) => ({ preference: r.priority, exchange: r.exchange }));
    },
  };
}
