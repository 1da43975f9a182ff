// The certificate and connection check of a host name or an e-mail address: finds the servers,
// probes every mail port of each in parallel, and gives one verdict per port and server.
import { isIP } from 'node:net';
import type { Clock } from '../../../infrastructure/clock.ts';
import { createServerResolver, createSystemResolver } from '../dns/name-resolver.ts';
import type { NameResolver } from '../dns/name-resolver.ts';
import type { DnsServerAddress } from '../dns/dns-server-address.ts';
import type { DnsQuery } from '../dns/dns-client.ts';
import type {
  CertificateReport,
  PortReport,
  ServerReport,
  VerdictKind,
} from '../../../../shared/reports/certificate-report.ts';
import { PROBLEM_ORDER, judgePort, withVerdict } from './judge-port.ts';
import { MAIL_SERVICES, SERVICE_INFO } from './mail-ports.ts';
import type { PortPlan } from './mail-ports.ts';
import { discoverServers } from './server-discovery.ts';
import type { ServerCandidate } from './server-discovery.ts';
import { suggestServingHost } from './suggest-host.ts';
import { probePort } from './tls-probe.ts';
import { trustedRoots } from './trust-store.ts';
import { verdictFor } from './verdict-words.ts';

/** What to probe and how. */
export interface CheckServerOptions {
  ports: PortPlan;
  /** The DNS server for discovery and look-ups, or the device's own resolver. */
  resolver: DnsServerAddress | 'system';
  /** Per connection (connect, greeting, STARTTLS and handshake together). */
  timeoutMs: number;
  /** Extra trusted roots (PEM) for this check only, on top of Node's and NODE_EXTRA_CA_CERTS. */
  ca?: string[];
  /** SHA-256 fingerprints of certificates the admin chose to trust for this server only. */
  pinnedFingerprints?: string[];
}

/** What the check needs from outside; tests replace them. */
export interface CheckServerDeps {
  clock: Clock;
  /** Only called when `resolver` is 'system'. */
  systemResolver?: () => NameResolver;
  query?: DnsQuery;
}

/** Default per-connection timeout: the whole check stays within a few seconds. */
export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

/** Checks a host name or every server an e-mail address leads to. Never throws for network trouble. */
export async function checkServer(
  target: string,
  options: CheckServerOptions,
  deps: CheckServerDeps,
): Promise<CertificateReport> {
  const parsed = parseTarget(target);
  const checkedAt = deps.clock.now();
  const resolver =
    options.resolver === 'system'
      ? (deps.systemResolver ?? createSystemResolver)()
      : createServerResolver(options.resolver, options.timeoutMs, deps.query);
  const candidates: ServerCandidate[] =
    parsed.kind === 'email'
      ? await discoverServers(parsed.domain, resolver)
      : [{ host: parsed.host, sources: [{ kind: 'typed', detail: 'the name you typed' }] }];
  const ca = trustedRoots(options.ca);
  const servers = await Promise.all(
    candidates.map((candidate) =>
      checkOneServer(candidate, { ...options, ca }, resolver, checkedAt, parsed.kind === 'host'),
    ),
  );
  const worst = worstServer(servers);
  return {
    kind: 'certificate',
    target: target.trim(),
    targetKind: parsed.kind,
    checkedAt: checkedAt.toISOString(),
    resolver: resolver.label,
    servers,
    verdict: worst?.verdict.kind ?? 'unreachable',
    headline: worst
      ? `${worst.host}: ${worst.verdict.title}. ${worst.verdict.fix}`
      : `No mail server found for ${target.trim()}.`,
    // A problem on any server, or no server found at all.
    problemsFound: !worst || servers.some((server) => server.problemsFound),
  };
}

/** "user@example.com" or a host name (or IP); throws in words for anything else. */
export function parseTarget(
  text: string,
): { kind: 'email'; domain: string } | { kind: 'host'; host: string } {
  const value = text.trim().toLowerCase().replace(/\.$/, '');
  const at = value.lastIndexOf('@');
  const host = at >= 0 ? value.slice(at + 1) : value;
  const hostName =
    /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/;
  if (at >= 0) {
    if (at === 0 || !hostName.test(host))
      throw new Error(`"${text}" is not an e-mail address like name@example.com`);
    return { kind: 'email', domain: host };
  }
  if (isIP(host) === 0 && !hostName.test(host)) {
    throw new Error(`"${text}" is not a server name (like mail.example.com) or an e-mail address`);
  }
  return { kind: 'host', host };
}

async function checkOneServer(
  candidate: ServerCandidate,
  options: CheckServerOptions & { ca: string[] | undefined },
  resolver: NameResolver,
  now: Date,
  typed: boolean,
): Promise<ServerReport> {
  const services = MAIL_SERVICES.filter((service) => options.ports[service] > 0);
  const lookup = await resolver.addresses(candidate.host);
  if (!lookup.ok) {
    const failure = {
      kind: lookup.reason === 'not-found' ? 'name-not-found' : 'network',
      detail: lookup.detail,
    } as const;
    return {
      host: candidate.host,
      sources: candidate.sources,
      addresses: [],
      lookupError: lookup.detail,
      // Every port, unprobed, with the same reason: the name gave no address.
      ports: services.map((service) => ({
        service,
        port: options.ports[service],
        mode: SERVICE_INFO[service].mode,
        address: null,
        reachable: false,
        failure,
        tls: null,
        certificate: null,
        chain: [],
        trust: null,
        problems: [],
        verdict: verdictFor('unreachable', { host: candidate.host, failureDetail: lookup.detail }),
        elapsedMs: 0,
      })),
      verdict: verdictFor('unreachable', { host: candidate.host, failureDetail: lookup.detail }),
      // A guessed name that does not exist is no problem; a typed one is.
      problemsFound: typed,
    };
  }
  const address = preferIpv4(lookup.addresses);
  const ports = await Promise.all(
    services.map(async (service) => {
      const port = options.ports[service];
      const probe = await probePort({
        address,
        port,
        service,
        servername: candidate.host,
        timeoutMs: options.timeoutMs,
        ca: options.ca,
      });
      const report = judgePort({
        service,
        port,
        address,
        servername: candidate.host,
        probe,
        now,
        pinnedFingerprints: options.pinnedFingerprints,
      });
      return addSuggestion(report, candidate.host, resolver, options);
    }),
  );
  return summarise(candidate, lookup.addresses, ports);
}

async function addSuggestion(
  report: PortReport,
  host: string,
  resolver: NameResolver,
  options: CheckServerOptions & { ca: string[] | undefined },
): Promise<PortReport> {
  const mismatch = report.problems.find((problem) => problem.kind === 'name-mismatch');
  if (!mismatch || !report.certificate) return report;
  const suggestedHost = await suggestServingHost({
    typedHost: host,
    certificate: report.certificate,
    service: report.service,
    port: report.port,
    resolver,
    timeoutMs: options.timeoutMs,
    ca: options.ca,
  });
  const problems = report.problems.map((problem) =>
    problem === mismatch ? { ...problem, suggestedHost } : problem,
  );
  return withVerdict({ ...report, problems }, host, SERVICE_INFO[report.service].direction);
}

function summarise(candidate: ServerCandidate, addresses: string[], ports: PortReport[]): ServerReport {
  // Answered: TLS was reached, or the server at least said it offers none.
  const answered = ports.filter((port) => port.tls !== null || port.problems.length > 0);
  const withProblems = ports.filter((port) => port.problems.length > 0);
  const base = { host: candidate.host, sources: candidate.sources, addresses, lookupError: null, ports };
  if (answered.length === 0) {
    const detail = ports.map((port) => `${port.port}: ${port.failure?.detail ?? 'no answer'}`).join('; ');
    return {
      ...base,
      verdict: verdictFor('unreachable', {
        host: candidate.host,
        failureDetail: detail || 'no port to probe',
      }),
      problemsFound: true,
    };
  }
  const worst = [...withProblems].sort((a, b) => rank(a.verdict.kind) - rank(b.verdict.kind))[0];
  if (!worst) {
    return {
      ...base,
      verdict: answered[0]?.verdict ?? verdictFor('healthy', { host: candidate.host }),
      problemsFound: false,
    };
  }
  if (worst.verdict.kind !== 'name-mismatch') return { ...base, verdict: worst.verdict, problemsFound: true };
  // A server-wide mismatch: the name to use for incoming, outgoing, or both.
  const mismatched = withProblems.filter((port) => port.verdict.kind === 'name-mismatch');
  const suggestion = mismatched.find((port) => port.verdict.suggestedHost)?.verdict.suggestedHost ?? null;
  const directions = new Set(mismatched.map((port) => SERVICE_INFO[port.service].direction));
  const direction = directions.size > 1 ? 'incoming and outgoing' : [...directions][0];
  const leaf = worst.certificate;
  return {
    ...base,
    verdict: verdictFor('name-mismatch', {
      host: candidate.host,
      suggestedHost: suggestion,
      direction,
      certificateNames: leaf ? (leaf.altNames.length > 0 ? leaf.altNames : [leaf.commonName]) : [],
    }),
    problemsFound: true,
  };
}

function worstServer(servers: ServerReport[]): ServerReport | undefined {
  const relevant = servers.filter((server) => server.problemsFound);
  const pool = relevant.length > 0 ? relevant : servers.filter((server) => server.lookupError === null);
  return [...pool].sort((a, b) => rank(a.verdict.kind) - rank(b.verdict.kind))[0];
}

function rank(kind: VerdictKind): number {
  if (kind === 'unreachable') return -1;
  if (kind === 'healthy') return PROBLEM_ORDER.length;
  return PROBLEM_ORDER.indexOf(kind);
}

function preferIpv4(addresses: string[]): string {
  return addresses.find((address) => isIP(address) === 4) ?? addresses[0] ?? '';
}
