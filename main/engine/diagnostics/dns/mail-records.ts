// Asks the authoritative servers for the records a mail cutover depends on: MX, the mail host
// names' CNAME/A/AAAA, the RFC 6186 / RFC 8314 SRV records, SPF and DMARC.
import type { DnsQuery } from './dns-client.ts';
import { formatDnsServerAddress } from './dns-server-address.ts';
import type { DnsServerAddress } from './dns-server-address.ts';
import { normalizeHostName } from './dns-records.ts';
import type { DnsRecordType } from './dns-records.ts';
import type {
  DmarcFacts,
  MailHostRecords,
  RecordSet,
  SpfFacts,
} from '../../../../shared/reports/dns-report.ts';
import type { Authority } from './find-authorities.ts';

/** The SRV names checked, TLS first (RFC 8314 prefers implicit TLS). */
export const SRV_NAMES = [
  '_imaps._tcp',
  '_imap._tcp',
  '_pop3s._tcp',
  '_pop3._tcp',
  '_submissions._tcp',
  '_submission._tcp',
] as const;

/** Everything the report lists under "records". */
export interface MailRecords {
  mx: RecordSet;
  mailHosts: MailHostRecords[];
  srv: RecordSet[];
  spf: SpfFacts;
  dmarc: DmarcFacts;
}

interface Sources {
  authorities: Authority[];
  /** For names outside the domain, which its authoritative servers cannot answer. */
  resolver: DnsServerAddress | null;
  timeoutMs: number;
  query: DnsQuery;
}

/** Gathers the mail records of `domain`, in parallel where the questions are independent. */
export async function gatherMailRecords(domain: string, sources: Sources): Promise<MailRecords> {
  const ask = (name: string, type: DnsRecordType) => askAuthorities(name, type, sources);
  const [mx, srv, txt, dmarcTxt] = await Promise.all([
    ask(domain, 'MX'),
    Promise.all(SRV_NAMES.map((service) => ask(`${service}.${domain}`, 'SRV'))),
    ask(domain, 'TXT'),
    ask(`_dmarc.${domain}`, 'TXT'),
  ]);
  const hosts = new Map<string, string>();
  for (const record of mx.records)
    if (record.type === 'MX') hosts.set(normalizeHostName(record.value.exchange), 'MX');
  srv.forEach((set, index) => {
    for (const record of set.records) {
      const target = record.type === 'SRV' ? normalizeHostName(record.value.target) : '';
      if (target && !hosts.has(target)) hosts.set(target, `SRV ${SRV_NAMES[index]}`);
    }
  });
  const usual = `mail.${domain}`;
  if (!hosts.has(usual)) hosts.set(usual, 'the usual name');
  const mailHosts = await Promise.all(
    [...hosts].map(async ([host, reason]): Promise<MailHostRecords> => {
      const inZone = host === domain || host.endsWith(`.${domain}`);
      const lookup = (type: DnsRecordType) =>
        inZone || !sources.resolver ? ask(host, type) : askResolver(host, type, sources.resolver, sources);
      const [a, aaaa] = await Promise.all([lookup('A'), lookup('AAAA')]);
      return { host, reason, a, aaaa };
    }),
  );
  return {
    mx,
    srv,
    mailHosts: mailHosts.filter((entry) => entry.reason !== 'the usual name' || entry.a.rcode !== 'NXDOMAIN'),
    spf: spfFacts(txt),
    dmarc: dmarcFacts(dmarcTxt),
  };
}

/** Asks the authoritative servers in turn until one answers. */
export async function askAuthorities(
  name: string,
  type: DnsRecordType,
  sources: Sources,
): Promise<RecordSet> {
  const errors: string[] = [];
  for (const authority of sources.authorities) {
    const result = await sources.query(authority.address, name, type, {
      timeoutMs: sources.timeoutMs,
      recursionDesired: false,
    });
    if (result.ok) return recordSet(name, type, authority.server.label, false, result.rcode, result.answers);
    errors.push(result.detail);
  }
  return failedSet(name, type, false, errors.join('; ') || 'no authoritative server to ask');
}

async function askResolver(
  name: string,
  type: DnsRecordType,
  resolver: DnsServerAddress,
  sources: Sources,
): Promise<RecordSet> {
  const result = await sources.query(resolver, name, type, {
    timeoutMs: sources.timeoutMs,
    recursionDesired: true,
  });
  if (!result.ok) return failedSet(name, type, true, result.detail);
  return recordSet(name, type, formatDnsServerAddress(resolver), true, result.rcode, result.answers);
}

function recordSet(
  name: string,
  type: DnsRecordType,
  server: string,
  fromResolver: boolean,
  rcode: string,
  answers: RecordSet['records'],
): RecordSet {
  // The asked type, and the CNAMEs on the way to it. The TTL is that of the name's own
  // records (a CNAME's, not its target's): that is what a change of this name waits for.
  const records = answers.filter((record) => record.type === type || record.type === 'CNAME');
  const ttl = ownTtl(name, records);
  return { name, type, server, fromResolver, rcode, records, ttl, error: null };
}

/** The lowest TTL among the records of `name` itself, or of all records when none is. */
export function ownTtl(name: string, records: RecordSet['records']): number | null {
  const own = records.filter((record) => normalizeHostName(record.name) === normalizeHostName(name));
  const pool = own.length > 0 ? own : records;
  return pool.length > 0 ? Math.min(...pool.map((record) => record.ttl)) : null;
}

function failedSet(name: string, type: DnsRecordType, fromResolver: boolean, error: string): RecordSet {
  return { name, type, server: null, fromResolver, rcode: null, records: [], ttl: null, error };
}

/** SPF from the domain's TXT records (RFC 7208: exactly one record starting "v=spf1"). */
export function spfFacts(txt: RecordSet): SpfFacts {
  const spf = txt.records.filter((record) => record.type === 'TXT' && /^v=spf1(\s|$)/i.test(record.value));
  const first = spf[0];
  const record = first?.type === 'TXT' ? first.value : null;
  const includes = record
    ? record.split(/\s+/).flatMap((term) => {
        const match = /^[+?~-]?include:(.+)$/i.exec(term);
        return match?.[1] ? [normalizeHostName(match[1])] : [];
      })
    : [];
  return { record, ttl: first?.ttl ?? null, includes, recordCount: spf.length };
}

/** DMARC from _dmarc.DOMAIN (RFC 7489), with its p= policy. */
export function dmarcFacts(txt: RecordSet): DmarcFacts {
  const found = txt.records.find(
    (record) => record.type === 'TXT' && /^v=DMARC1(;|\s|$)/i.test(record.value),
  );
  const record = found?.type === 'TXT' ? found.value : null;
  const policy = record ? (/(?:^|;)\s*p\s*=\s*([a-z]+)/i.exec(record)?.[1]?.toLowerCase() ?? null) : null;
  return { record, ttl: found?.ttl ?? null, policy };
}
