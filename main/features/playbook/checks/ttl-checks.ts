// "Record the current TTLs" and "Lower the MX TTL below one hour": the MX TTL as the
// authoritative servers give it, with the mail host names' TTLs beside it.
import type { TtlFacts } from '../../../../preload/contract.ts';
import { mxHosts, mxTtl } from '../../../engine/diagnostics/dns/playbook-checks.ts';
import type { DnsReport } from '../../../../shared/reports/dns-report.ts';
import type { CheckContext, CheckOutcome } from './check-context.ts';
import { dnsReports, worstOutcome } from './dns-reports.ts';

/** Reads the TTLs and keeps the highest MX TTL ever recorded: old answers can linger that long. */
export async function recordTtls(context: CheckContext): Promise<CheckOutcome> {
  const reports = await dnsReports(context);
  const domains = reports.map(({ domain, report }) => {
    const facts = ttlFacts(domain, report);
    const before = recordedTtl(context, domain);
    const highest = [before, facts.mxTtl].filter((ttl): ttl is number => ttl !== null);
    return { ...facts, recordedMxTtl: highest.length > 0 ? Math.max(...highest) : null };
  });
  const missing = domains.filter((d) => d.mxTtl === null);
  return {
    outcome: missing.length > 0 ? 'fail' : 'pass',
    summary: domains.map(describeRecorded).join(' '),
    diagnosticIds: reports.map((r) => r.diagnosticId),
    details: { kind: 'dns-ttl-record', domains },
  };
}

/** Complete when every domain's MX TTL is at most 3600 s; `warn` above the recommended 300 s. */
export async function lowerMxTtl(context: CheckContext): Promise<CheckOutcome> {
  const reports = await dnsReports(context);
  const results = reports.map(({ domain, report }) => {
    const check = mxTtl(report.mx);
    const facts = { ...ttlFacts(domain, report), recordedMxTtl: recordedTtl(context, domain) };
    const was =
      facts.recordedMxTtl !== null && facts.recordedMxTtl !== facts.mxTtl
        ? ` (${facts.recordedMxTtl} s when recorded)`
        : '';
    return {
      facts,
      outcome: check.status === 'not-checked' ? ('fail' as const) : check.status,
      sentence: `${check.detail}${was}.`,
    };
  });
  return {
    outcome: worstOutcome(results.map((r) => r.outcome)),
    summary: results.map((r) => r.sentence).join(' '),
    diagnosticIds: reports.map((r) => r.diagnosticId),
    details: { kind: 'dns-ttl-lower', domains: results.map((r) => r.facts) },
  };
}

function ttlFacts(domain: string, report: DnsReport): Omit<TtlFacts, 'recordedMxTtl'> {
  const hosts = mxHosts(report.mx);
  return {
    domain,
    mxHosts: hosts,
    mxTtl: hosts.length > 0 ? report.mx.ttl : null,
    // Names outside the domain belong to the provider; their TTLs are not the admin's to lower.
    mailHosts: report.mailHosts
      .filter((host) => !host.a.fromResolver && host.a.ttl !== null)
      .map((host) => ({ host: host.host, ttl: host.a.ttl })),
    error: report.authorityError ?? report.mx.error,
  };
}

/** The highest MX TTL "Record the current TTLs" noted for a domain, if it ran. */
export function recordedTtl(context: CheckContext, domain: string): number | null {
  const details = context.stored.get('record-ttls')?.lastCheck?.details;
  if (details?.kind !== 'dns-ttl-record') return null;
  return details.domains.find((d) => d.domain === domain)?.recordedMxTtl ?? null;
}

function describeRecorded(domain: TtlFacts): string {
  if (domain.mxTtl === null) {
    return `${domain.domain}: the MX TTL could not be read (${domain.error ?? 'the domain has no MX record'}).`;
  }
  const hosts = domain.mailHosts.map((h) => `${h.host} ${h.ttl} s`).join(', ');
  return `${domain.domain}: MX TTL ${domain.mxTtl} s (${domain.mxHosts.join(', ')})${hosts ? `; ${hosts}` : ''}.`;
}
