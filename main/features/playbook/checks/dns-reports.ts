// Runs the diagnostics' DNS check for every domain of a project, stored with the project so
// the wizard can open the full report (records, propagation) behind a task's summary.
import type { StoredDiagnostic } from '../../../../preload/contract.ts';
import type { DnsReport } from '../../../../shared/reports/dns-report.ts';
import type { CheckContext, CheckOutcome } from './check-context.ts';
import { requireDomains } from './requirements.ts';

export interface DomainReport {
  domain: string;
  diagnosticId: number;
  report: DnsReport;
}

/** One DNS report per project domain, in the project's order. */
export async function dnsReports(context: CheckContext, expectMx?: string): Promise<DomainReport[]> {
  const domains = requireDomains(context.project);
  const stored = await Promise.all(
    domains.map((domain) =>
      context.diagnostics.checkDns({
        projectId: context.project.id,
        domain,
        ...(expectMx ? { expectMx } : {}),
      }),
    ),
  );
  return stored.map((entry: StoredDiagnostic, index) => ({
    domain: domains[index]!,
    diagnosticId: entry.id,
    report: entry.report as DnsReport,
  }));
}

/** The worst of several outcomes: one failing domain fails the task. */
export function worstOutcome(outcomes: Array<CheckOutcome['outcome']>): CheckOutcome['outcome'] {
  if (outcomes.includes('fail') || outcomes.length === 0) return 'fail';
  return outcomes.includes('warn') ? 'warn' : 'pass';
}
