// A DNS report as plain text for a terminal: the verdict, the playbook checks, the records with
// their TTLs, then propagation server by server.
import { recordText } from '../dns/dns-records.ts';
import { PROVIDER_NAMES } from '../../../../shared/provider-presets.ts';
import type { DnsReport, RecordSet } from '../../../../shared/reports/dns-report.ts';

const MARK = { pass: 'ok  ', warn: 'warn', fail: 'FAIL', 'not-checked': '--  ' } as const;

/** The text `cutover dns` prints. */
export function formatDnsReport(report: DnsReport): string {
  const lines = [
    `DNS of ${report.domain}, checked at ${report.checkedAt}`,
    `Authoritative servers (${report.authoritySource === 'given' ? 'given' : 'from NS'}): ${
      report.authorities.map((server) => server.label).join(', ') || report.authorityError || 'none'
    }`,
    '',
    'Checks:',
    ...report.checks.map((check) => `  ${MARK[check.status]} ${check.label}: ${check.detail}`),
    '',
    ...(report.mailProvider
      ? [
          `Mail for ${report.domain} goes to ${PROVIDER_NAMES[report.mailProvider]}: in Cutover use the ${report.mailProvider} preset (--source ${report.mailProvider} or --dest ${report.mailProvider}) with an OAuth2 sign-in.`,
          '',
        ]
      : []),
    'Records (TTL in seconds):',
    ...recordLines(report.mx),
    ...report.mailHosts.flatMap((host) => recordLines(host.a, ` (${host.reason})`)),
    ...report.srv.filter((set) => set.records.length > 0).flatMap((set) => recordLines(set)),
    `  SPF ${report.spf.record ? `"${report.spf.record}" TTL ${report.spf.ttl}` : 'none'}`,
    `  DMARC ${report.dmarc.record ? `"${report.dmarc.record}" TTL ${report.dmarc.ttl}` : 'none'}`,
    '',
    'Propagation:',
  ];
  for (const row of report.propagation) {
    lines.push(
      `  ${row.question}, expected ${row.expected.join(', ') || '(nothing)'} (${row.expectedFrom === 'expect-mx' ? '--expect-mx' : 'authoritative'}): ${row.agreeing} of ${row.answers.length} agree`,
    );
    for (const answer of row.answers) {
      const said =
        answer.error ??
        `${answer.answer?.join(', ') || '(no records)'}${answer.ttl !== null ? ` TTL ${answer.ttl}` : ''}`;
      lines.push(`    ${answer.agrees ? 'agrees   ' : 'DIFFERENT'} ${answer.server.label}: ${said}`);
    }
  }
  lines.push('', `Result: ${report.headline}`);
  return lines.join('\n');
}

function recordLines(set: RecordSet, suffix = ''): string[] {
  if (set.error) return [`  ${set.type} ${set.name}${suffix}: ${set.error}`];
  if (set.records.length === 0)
    return [`  ${set.type} ${set.name}${suffix}: none (${set.rcode ?? 'no answer'})`];
  const from = set.fromResolver ? ', from a resolver' : '';
  return [
    `  ${set.type} ${set.name}${suffix}: ${set.records.map((record) => `${record.type === set.type ? '' : `${record.type} `}${recordText(record)}`).join(', ')} TTL ${set.ttl}${from}`,
  ];
}
