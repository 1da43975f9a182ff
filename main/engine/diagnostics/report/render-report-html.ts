// The self-contained HTML report an admin can mail to a customer: one file, inline CSS, no
// scripts, every value escaped. It is opened in a browser, never loaded by the app.
import { recordText } from '../dns/dns-records.ts';
import type { DnsReport, RecordSet } from '../../../../shared/reports/dns-report.ts';
import type {
  CertificateReport,
  PortReport,
  ServerReport,
} from '../../../../shared/reports/certificate-report.ts';
import { SERVICE_INFO } from '../tls/mail-ports.ts';
import type { Html } from './html-escape.ts';
import { html, htmlDocument } from './html-escape.ts';

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;max-width:960px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem}
.meta{color:#5b6475;margin-top:0}
.verdict{padding:1rem 1.25rem;border-radius:8px;margin:1rem 0;border:1px solid}
.ok{background:#eaf7ee;border-color:#8fd1a3}.problem{background:#fdeeee;border-color:#e6a3a3}.wait{background:#fff6e0;border-color:#e8c66b}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
th{background:#f4f6f9;font-weight:600}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all}
.pass{color:#1e7a3a}.warn{color:#8a6100}.fail{color:#b3261e;font-weight:600}.muted{color:#5b6475}
`;

/** The report as a complete HTML document. */
export function renderReportHtml(report: CertificateReport | DnsReport): string {
  const body = report.kind === 'certificate' ? certificateBody(report) : dnsBody(report);
  const title =
    report.kind === 'certificate' ? `Certificate check: ${report.target}` : `DNS readiness: ${report.domain}`;
  return htmlDocument(
    title,
    STYLE,
    html`<p class="meta">Checked ${report.checkedAt} by Cutover</p>
      ${body}`,
  );
}

function certificateBody(report: CertificateReport): Html {
  const tone = report.problemsFound ? 'problem' : 'ok';
  return html`<div class="verdict ${tone}">
      <strong>${report.problemsFound ? 'Problem found' : 'No problem found'}</strong><br />${report.headline}
    </div>
    <p class="muted">Server names were looked up with ${report.resolver}.</p>
    ${report.servers.map(serverSection)}`;
}

function serverSection(server: ServerReport): Html {
  const sources = server.sources.map((source) => source.detail).join('; ');
  if (server.lookupError) {
    return html`<h2>${server.host}</h2>
      <p class="muted">From ${sources}. Not checked: ${server.lookupError}</p>`;
  }
  return html`<h2>${server.host}</h2>
    <p class="muted">From ${sources}. Address: ${server.addresses.join(', ')}</p>
    <div class="verdict ${server.problemsFound ? 'problem' : 'ok'}">
      <strong>${server.verdict.title}.</strong> ${server.verdict.explanation}<br /><strong>Fix:</strong>
      ${server.verdict.fix}
    </div>
    ${
      server.verdict.clientMessages.length > 0
        ? html`<p>What mail apps show for this:</p>
            <ul>
              ${server.verdict.clientMessages.map((message) => html`<li><strong>${message.client}:</strong> ${message.shows}</li>`)}
            </ul>`
        : ''
    }
    <table>
      <thead>
        <tr>
          <th>Service</th>
          <th>Result</th>
          <th>TLS</th>
          <th>Certificate</th>
        </tr>
      </thead>
      <tbody>
        ${server.ports.map(portRow)}
      </tbody>
    </table>`;
}

function portRow(port: PortReport): Html {
  const label = `${SERVICE_INFO[port.service].label}, port ${port.port}`;
  const result =
    port.problems.length > 0
      ? port.problems.map((problem) => problem.kind).join(', ')
      : port.tls
        ? 'ok'
        : (port.failure?.detail ?? port.verdict.title);
  const tone = port.problems.length > 0 ? 'fail' : port.tls ? 'pass' : 'muted';
  const certificate = port.certificate;
  return html`<tr>
    <td>${label}</td>
    <td class="${tone}">${result}</td>
    <td>${port.tls ? `${port.tls.protocol}, ${port.tls.cipher}` : ''}</td>
    <td>
      ${
        certificate
          ? html`Names: ${certificate.altNames.join(', ') || certificate.commonName}<br />Issuer:
              ${certificate.issuer}${certificate.selfSigned ? ' (self-signed)' : ''}<br />Valid
              ${certificate.validFrom.slice(0, 10)} to ${certificate.validTo.slice(0, 10)}<br />SHA-256
              <code>${certificate.fingerprint256}</code>`
          : ''
      }
    </td>
  </tr>`;
}

function dnsBody(report: DnsReport): Html {
  const tone = report.verdict === 'ready' ? 'ok' : report.verdict === 'propagating' ? 'wait' : 'problem';
  const authorities =
    report.authorities.map((server) => server.label).join(', ') || report.authorityError || 'none';
  return html`<div class="verdict ${tone}">
      <strong>${verdictWord(report.verdict)}</strong><br />${report.headline}
    </div>
    <p class="muted">
      Authoritative servers (${report.authoritySource === 'given' ? 'given' : 'from the NS records'}):
      ${authorities}
    </p>
    <h2>Checks</h2>
    <table>
      <thead>
        <tr>
          <th>Check</th>
          <th>Result</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        ${report.checks.map(
          (check) =>
            html`<tr>
              <td>${check.label}</td>
              <td class="${check.status}">${check.status}</td>
              <td>${check.detail}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>Records</h2>
    <table>
      <thead>
        <tr>
          <th>Name</th>
          <th>Type</th>
          <th>Value</th>
          <th>TTL (s)</th>
        </tr>
      </thead>
      <tbody>
        ${[
          recordRow(report.mx),
          ...report.mailHosts.map((host) => recordRow(host.a)),
          ...report.srv.filter((set) => set.records.length > 0).map((set) => recordRow(set)),
        ]}
        <tr>
          <td>${report.domain}</td>
          <td>SPF</td>
          <td><code>${report.spf.record ?? 'none'}</code></td>
          <td>${report.spf.ttl ?? ''}</td>
        </tr>
        <tr>
          <td>_dmarc.${report.domain}</td>
          <td>DMARC</td>
          <td><code>${report.dmarc.record ?? 'none'}</code></td>
          <td>${report.dmarc.ttl ?? ''}</td>
        </tr>
      </tbody>
    </table>
    <h2>Propagation</h2>
    ${report.propagation.map(
      (row) =>
        html`<p>
            <strong>${row.question}</strong>: expected ${row.expected.join(', ') || 'nothing'}
            (${row.expectedFrom === 'expect-mx' ? 'the destination' : 'as the authoritative servers say'});
            ${row.agreeing} of ${row.answers.length} agree.
          </p>
          <table>
            <thead>
              <tr>
                <th>Server</th>
                <th>Answer</th>
                <th>TTL (s)</th>
                <th>Agrees</th>
              </tr>
            </thead>
            <tbody>
              ${row.answers.map(
                (answer) =>
                  html`<tr>
                    <td>${answer.server.label}</td>
                    <td>${answer.error ?? (answer.answer?.join(', ') || 'no records')}</td>
                    <td>${answer.ttl ?? ''}</td>
                    <td class="${answer.agrees ? 'pass' : 'fail'}">${answer.agrees ? 'yes' : 'no'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
    )}`;
}

function recordRow(set: RecordSet): Html {
  const value =
    set.error ??
    (set.records
      .map((record) => `${record.type === set.type ? '' : `${record.type} `}${recordText(record)}`)
      .join(', ') ||
      `none (${set.rcode ?? 'no answer'})`);
  return html`<tr>
    <td>${set.name}</td>
    <td>${set.type}</td>
    <td><code>${value}</code></td>
    <td>${set.ttl ?? ''}${set.fromResolver ? html` <span class="muted">(from a resolver)</span>` : ''}</td>
  </tr>`;
}

function verdictWord(verdict: DnsReport['verdict']): string {
  if (verdict === 'ready') return 'Ready';
  if (verdict === 'propagating') return 'Propagating: not every server has the new records yet';
  return 'Not ready';
}
