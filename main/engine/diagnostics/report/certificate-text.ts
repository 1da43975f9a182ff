// A certificate report as plain text for a terminal: the verdict and fix first, then the
// facts per port, so a person reads the answer before the details.
import type {
  CertificateReport,
  PortReport,
  ServerReport,
} from '../../../../shared/reports/certificate-report.ts';
import { SERVICE_INFO } from '../tls/mail-ports.ts';

/** The text `cutover check` prints. */
export function formatCertificateReport(report: CertificateReport): string {
  const lines = [`Checked ${report.target} at ${report.checkedAt} (DNS: ${report.resolver})`, ''];
  for (const server of report.servers) lines.push(...formatServer(server), '');
  lines.push(report.problemsFound ? `Result: ${report.headline}` : 'Result: no problem found.');
  return lines.join('\n');
}

function formatServer(server: ServerReport): string[] {
  const where = server.sources.map((source) => source.detail).join('; ');
  const head = `${server.host}${server.addresses.length ? ` (${server.addresses.join(', ')})` : ''}, from ${where}`;
  if (server.lookupError) return [head, `  not checked: ${server.lookupError}`];
  const lines = [head, `  ${server.verdict.title}. ${server.verdict.fix}`];
  for (const port of server.ports) lines.push(...formatPort(port));
  const messages = server.verdict.clientMessages;
  if (messages.length > 0) {
    lines.push('  What mail apps show for this:');
    for (const message of messages) lines.push(`    ${message.client}: ${message.shows}`);
  }
  return lines;
}

function formatPort(port: PortReport): string[] {
  const label = `  ${SERVICE_INFO[port.service].label}, port ${port.port}`;
  if (!port.tls || !port.certificate) {
    return [`${label}: ${port.failure?.detail ?? port.verdict.title}`];
  }
  const certificate = port.certificate;
  const status = port.problems.length === 0 ? 'ok' : port.problems.map((problem) => problem.kind).join(', ');
  return [
    `${label}: ${status} (${port.tls.protocol}, ${port.tls.cipher})`,
    `    certificate for ${certificate.altNames.join(', ') || certificate.commonName}`,
    `    issued by ${certificate.issuer}${certificate.selfSigned ? ' (self-signed)' : ''}${port.trust?.chainTrusted ? ', trusted' : `, not trusted (${port.trust?.chainError ?? 'unknown'})`}`,
    `    valid ${certificate.validFrom.slice(0, 10)} to ${certificate.validTo.slice(0, 10)}, SHA-256 ${certificate.fingerprint256}`,
  ];
}
