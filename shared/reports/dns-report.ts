import type { ProviderPreset } from '../provider-presets.ts';
// What a DNS readiness check finds, as plain JSON-serialisable data: the CLI prints it, the
// app stores it (diagnostic_results.result) and the HTML export renders it.
import type { DnsRecord, DnsRecordType } from './dns-record.ts';

/** A DNS server the check asked, and in which role. */
export interface AskedServer {
  /** e.g. "ns1.example.com (192.0.2.1:53)", "Quad9 (9.9.9.9:53)". */
  label: string;
  address: string;
  role: 'authoritative' | 'resolver';
}

/** The answer to one question (name and type), with the lowest TTL of the set. */
export interface RecordSet {
  name: string;
  type: DnsRecordType;
  /** Which server answered (an authoritative one unless `fromResolver`). */
  server: string | null;
  /** Out-of-zone names are asked of a resolver, whose TTL may be a cache countdown. */
  fromResolver: boolean;
  rcode: string | null;
  records: DnsRecord[];
  ttl: number | null;
  /** Why no server answered. */
  error: string | null;
}

/** A mail host name (MX target, SRV target, mail.DOMAIN): its CNAME and addresses. */
export interface MailHostRecords {
  host: string;
  /** Why it is listed: "MX", "SRV _imaps._tcp", "the usual name". */
  reason: string;
  a: RecordSet;
  aaaa: RecordSet;
}

/** SPF as published: the record, its TTL, and its include: mechanisms. */
export interface SpfFacts {
  record: string | null;
  ttl: number | null;
  includes: string[];
  /** More than one v=spf1 record makes SPF fail for every message (permerror). */
  recordCount: number;
}

/** DMARC as published at _dmarc.DOMAIN. */
export interface DmarcFacts {
  record: string | null;
  ttl: number | null;
  policy: string | null;
}

/** A check the cutover wizard completes a task with. `warn` meets the rule but not the advice. */
export interface PlaybookCheck {
  id:
    | 'mx-ttl'
    | 'mail-host-ttl'
    | 'mx-points-at-destination'
    | 'srv-present'
    | 'spf-includes-destination'
    | 'dmarc-present';
  label: string;
  status: 'pass' | 'warn' | 'fail' | 'not-checked';
  detail: string;
}

/** One server's answer to a propagation question. */
export interface PropagationAnswer {
  server: AskedServer;
  /** The answer as comparable lines ("10 mx.example.net", "CNAME luna.example.net"); null on error. */
  answer: string[] | null;
  ttl: number | null;
  error: string | null;
  agrees: boolean;
}

/** The same question to every authoritative server and resolver, side by side. */
export interface PropagationRow {
  question: string;
  expected: string[];
  /** The expected answer is what --expect-mx says, or else what the authoritative servers say. */
  expectedFrom: 'expect-mx' | 'authoritative';
  answers: PropagationAnswer[];
  agreeing: number;
}

/** The whole result of `checkDns`. */
export interface DnsReport {
  kind: 'dns';
  domain: string;
  checkedAt: string;
  authorities: AskedServer[];
  /** How the authoritative servers were found: the domain's NS records, or --authority. */
  authoritySource: 'ns' | 'given';
  authorityError: string | null;
  mx: RecordSet;
  /** The big provider the MX records point at (its Cutover preset), or null. */
  mailProvider: ProviderPreset | null;
  mailHosts: MailHostRecords[];
  srv: RecordSet[];
  spf: SpfFacts;
  dmarc: DmarcFacts;
  checks: PlaybookCheck[];
  propagation: PropagationRow[];
  /** ready: all checks pass and every server agrees; propagating: only resolvers lag. */
  verdict: 'ready' | 'propagating' | 'not-ready';
  headline: string;
  problemsFound: boolean;
}
