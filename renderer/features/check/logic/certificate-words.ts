// Reads a certificate report for the UI: its tone, the port whose fix to show, and the
// certificate a person might choose to trust.
import type { AccountStatus, CertificateReport } from '../../../../preload/contract.ts';

export type ServerReport = CertificateReport['servers'][number];
export type PortReport = ServerReport['ports'][number];
export type VerdictKind = CertificateReport['verdict'];
type PortReportOf = PortReport;

/** A verdict's colour group (icons and words carry the same meaning). */
export function verdictTone(kind: VerdictKind): AccountStatus {
  if (kind === 'healthy') return 'done';
  if (kind === 'old-tls') return 'partial';
  return 'failed';
}

const SEVERITY: readonly VerdictKind[] = [
  'healthy',
  'old-tls',
  'not-yet-valid',
  'expired',
  'untrusted-issuer',
  'self-signed',
  'name-mismatch',
  'no-tls',
  'unreachable',
];

/** The port with the worst verdict, whose fix the page shows first. */
export function worstPort(report: CertificateReport): { server: ServerReport; port: PortReportOf } | null {
  let worst: { server: ServerReport; port: PortReportOf } | null = null;
  for (const server of report.servers) {
    for (const port of server.ports) {
      if (!worst || SEVERITY.indexOf(port.verdict.kind) > SEVERITY.indexOf(worst.port.verdict.kind)) {
        worst = { server, port };
      }
    }
  }
  return worst;
}

/** A certificate that was not trusted (nor pinned), with the names and fingerprint to show. */
export function untrustedCertificate(
  report: CertificateReport,
): { names: string[]; fingerprint256: string; selfSigned: boolean } | null {
  for (const server of report.servers) {
    for (const port of server.ports) {
      if (port.certificate && port.trust && !port.trust.chainTrusted) {
        const names = [port.certificate.commonName, ...port.certificate.altNames];
        return {
          names: [...new Set(names.filter(Boolean))],
          fingerprint256: port.certificate.fingerprint256,
          selfSigned: port.certificate.selfSigned,
        };
      }
    }
  }
  return null;
}

/** "IMAP over TLS, port 993". */
export function portName(port: Pick<PortReport, 'service' | 'port'>): string {
  const words: Record<PortReport['service'], string> = {
    imap: 'IMAP with STARTTLS',
    imaps: 'IMAP over TLS',
    pop3: 'POP3 with STLS',
    pop3s: 'POP3 over TLS',
    submission: 'Sending (SMTP) with STARTTLS',
    submissions: 'Sending (SMTP) over TLS',
  };
  return `${words[port.service]}, port ${port.port}`;
}
