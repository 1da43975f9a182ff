// "Point MX at the new service" (the authoritative servers give the new MX) and "Wait for the
// change to reach everyone" (every DNS server that answers gives it too).
import type { MxFacts, MxServerAnswer } from '../../../../preload/contract.ts';
import { normalizeHostName } from '../../../engine/diagnostics/dns/dns-records.ts';
import { mxHosts } from '../../../engine/diagnostics/dns/playbook-checks.ts';
import type { DnsReport } from '../../../../shared/reports/dns-report.ts';
import type { CheckContext, CheckOutcome } from './check-context.ts';
import { dnsReports, worstOutcome } from './dns-reports.ts';
import { requireDestination } from './requirements.ts';
import { recordedTtl } from './ttl-checks.ts';

/** Complete when the authoritative MX of every domain is the new server only. */
export async function mxPointsAtDestination(context: CheckContext): Promise<CheckOutcome> {
  const expectedMx = normalizeHostName(requireDestination(context.profiles, context.project).host);
  const reports = await dnsReports(context, expectedMx);
  const results = reports.map(({ domain, report }) => {
    const check = report.checks.find((c) => c.id === 'mx-points-at-destination');
    const pass = check?.status === 'pass';
    return {
      facts: mxFacts(context, domain, report),
      outcome: pass ? ('pass' as const) : ('fail' as const),
      sentence: pass
        ? `${domain}: MX points at ${expectedMx}.`
        : `${domain}: ${notPointingYet(report, expectedMx, check?.detail)}`,
    };
  });
  return {
    outcome: worstOutcome(results.map((r) => r.outcome)),
    summary: results.map((r) => r.sentence).join(' '),
    diagnosticIds: reports.map((r) => r.diagnosticId),
    details: { kind: 'dns-mx-points', expectedMx, domains: results.map((r) => r.facts) },
  };
}

/**
 * Complete when the authoritative servers and every resolver that answered give the new MX.
 * Servers that did not answer are named but do not hold the task back, unless none answered.
 */
export async function mxPropagated(context: CheckContext): Promise<CheckOutcome> {
  const expectedMx = normalizeHostName(requireDestination(context.profiles, context.project).host);
  const reports = await dnsReports(context, expectedMx);
  const results = reports.map(({ domain, report }) => {
    const facts = mxFacts(context, domain, report);
    const points = report.checks.find((c) => c.id === 'mx-points-at-destination')?.status === 'pass';
    const resolversAnswered = answersOf(domain, report).filter(
      (a) => a.server.role === 'resolver' && a.error === null,
    ).length;
    const silent = facts.silent.length > 0 ? ` No answer from ${facts.silent.join(', ')}.` : '';
    let sentence: string;
    if (!points) sentence = `${domain}: the MX does not point at ${expectedMx} yet; change it first.`;
    else if (facts.lagging.length > 0)
      sentence = `${domain}: ${facts.agreeing} of ${facts.answered} DNS servers give ${expectedMx}; still the old answer: ${facts.lagging.join(', ')}. Wait for the old TTL to pass.`;
    else if (resolversAnswered === 0)
      sentence = `${domain}: no public DNS server answered, so propagation cannot be told. Check this computer is online.`;
    else sentence = `${domain}: all ${facts.answered} DNS servers that answered give ${expectedMx}.`;
    const ok = points && facts.lagging.length === 0 && resolversAnswered > 0;
    return { facts, outcome: ok ? ('pass' as const) : ('fail' as const), sentence: sentence + silent };
  });
  return {
    outcome: worstOutcome(results.map((r) => r.outcome)),
    summary: results.map((r) => r.sentence).join(' '),
    diagnosticIds: reports.map((r) => r.diagnosticId),
    details: { kind: 'dns-propagation', expectedMx, domains: results.map((r) => r.facts) },
  };
}

// Why the authoritative MX is not the new server yet, and what to do, in plain words.
function notPointingYet(report: DnsReport, expectedMx: string, detail: string | undefined): string {
  const hosts = mxHosts(report.mx);
  if (report.authorityError || report.mx.error) {
    return `the MX record could not be read: ${report.authorityError ?? report.mx.error ?? detail}. Check again in a few minutes.`;
  }
  if (hosts.length === 0) {
    return `the domain has no MX record yet. Add one pointing at ${expectedMx} at your DNS provider, then check again.`;
  }
  if (hosts.includes(expectedMx)) {
    const old = hosts.filter((host) => host !== expectedMx);
    return `the MX records point at ${expectedMx} and still at ${old.join(', ')}. Remove ${old.length > 1 ? 'those' : 'that one'} at your DNS provider, then check again.`;
  }
  return `the MX record still sends mail to ${hosts.join(', ')}, not to ${expectedMx}. Change it at your DNS provider, then check again.`;
}

function answersOf(domain: string, report: DnsReport) {
  return report.propagation.find((row) => row.question === `MX ${domain}`)?.answers ?? [];
}

function mxFacts(context: CheckContext, domain: string, report: DnsReport): MxFacts {
  const answers = answersOf(domain, report);
  const answered = answers.filter((a) => a.error === null);
  const servers: MxServerAnswer[] = answers.map((a) => ({
    label: a.server.label,
    address: a.server.address,
    role: a.server.role,
    answer: a.error === null ? a.answer : null,
    verdict: a.error !== null ? 'no-answer' : a.agrees ? 'new' : 'old',
    ttl: a.error === null ? a.ttl : null,
    error: a.error,
  }));
  return {
    domain,
    mxHosts: mxHosts(report.mx),
    agreeing: answered.filter((a) => a.agrees).length,
    answered: answered.length,
    lagging: answered.filter((a) => !a.agrees).map((a) => a.server.label),
    silent: answers.filter((a) => a.error !== null).map((a) => a.server.label),
    servers,
    recordedMxTtl: recordedTtl(context, domain),
  };
}
