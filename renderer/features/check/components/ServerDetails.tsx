import type { ServerReport } from '../logic/certificate-words.ts';
import { portName } from '../logic/certificate-words.ts';
import { VerdictBox } from './VerdictBox.tsx';

const day = (iso: string) => iso.slice(0, 10);

/** One server of a check: each port's verdict, its certificate, and what each mail app shows. */
export function ServerDetails({ server }: { server: ServerReport }) {
  return (
    <div className="server-detail">
      <h4 className="subsection-title">{server.host}</h4>
      {server.sources.length > 0 ? (
        <p className="hint">Found from {server.sources.map((s) => s.detail).join('; ')}.</p>
      ) : null}
      {server.lookupError ? <p>{server.lookupError}</p> : null}
      {server.ports.map((port) => (
        <div key={`${port.service}-${port.port}`} className="port-detail">
          <VerdictBox kind={port.verdict.kind} title={`${portName(port)}: ${port.verdict.title}`}>
            <p>{port.verdict.explanation}</p>
            <p>{port.verdict.fix}</p>
          </VerdictBox>
          {port.certificate ? (
            <dl className="fact-list">
              <dt>Names on the certificate</dt>
              <dd>
                {[port.certificate.commonName, ...port.certificate.altNames]
                  .filter((n, i, all) => all.indexOf(n) === i)
                  .join(', ')}
              </dd>
              <dt>Issued by</dt>
              <dd>{port.certificate.selfSigned ? 'itself (self-signed)' : port.certificate.issuer}</dd>
              <dt>Valid</dt>
              <dd>
                from {day(port.certificate.validFrom)} to {day(port.certificate.validTo)}
              </dd>
              <dt>SHA-256 fingerprint</dt>
              <dd className="fingerprint">{port.certificate.fingerprint256}</dd>
              {port.tls ? (
                <>
                  <dt>Encryption</dt>
                  <dd>
                    {port.tls.protocol}, {port.tls.cipher}
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {port.verdict.clientMessages.length > 0 ? (
            <>
              <p className="problem-detail-label">What mail apps show:</p>
              <ul className="client-messages">
                {port.verdict.clientMessages.map((m) => (
                  <li key={m.client}>
                    <strong>{m.client}:</strong> {m.shows}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ))}
    </div>
  );
}
