// "Add the SRV records": which of the records to publish the domain has, and the exact lines
// still to add.
import type { SrvRecordAdvice } from '../../../../preload/contract.ts';
import { normalizeHostName, recordText } from '../../../engine/diagnostics/dns/dns-records.ts';
import type { DnsReport } from '../../../../shared/reports/dns-report.ts';
import { srvValue, wantedSrvRecords, zoneLine } from '../srv-records.ts';
import type { WantedSrv } from '../srv-records.ts';
import type { CheckContext, CheckOutcome } from './check-context.ts';
import { dnsReports } from './dns-reports.ts';
import { requireDestination } from './requirements.ts';

/** Complete when every record is published with the right port and target. */
export async function srvRecordsPublished(context: CheckContext): Promise<CheckOutcome> {
  const destination = requireDestination(context.profiles, context.project);
  const reports = await dnsReports(context);
  const records = reports.flatMap(({ domain, report }) =>
    wantedSrvRecords(domain, destination).map((wanted) => compare(wanted, report)),
  );
  const toFix = records.filter((r) => r.status !== 'present');
  return {
    outcome: toFix.length === 0 ? 'pass' : 'fail',
    summary:
      toFix.length === 0
        ? `All ${records.length} SRV records are published.`
        : `${toFix.length} of ${records.length} SRV records to ${toFix.some((r) => r.status === 'different') ? 'add or correct' : 'add'}: ${toFix.map((r) => r.zoneLine).join(' ')}`,
    diagnosticIds: reports.map((r) => r.diagnosticId),
    details: { kind: 'dns-srv', records },
  };
}

function compare(wanted: WantedSrv, report: DnsReport): SrvRecordAdvice {
  const set = report.srv.find((s) => normalizeHostName(s.name) === wanted.name);
  const found = (set?.records ?? []).filter((r) => r.type === 'SRV');
  // Priority and weight are the admin's to choose; port and target must be the new server's.
  const matches = found.some(
    (r) =>
      r.type === 'SRV' && r.value.port === wanted.port && normalizeHostName(r.value.target) === wanted.target,
  );
  return {
    domain: wanted.domain,
    name: wanted.name,
    value: srvValue(wanted),
    zoneLine: zoneLine(wanted),
    found: found.map(recordText),
    status: matches ? 'present' : found.length > 0 ? 'different' : 'missing',
  };
}
