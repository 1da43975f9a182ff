import type { CertificateReport } from '../../../../preload/contract.ts';
import { portName, untrustedCertificate, worstPort } from '../../check/logic/certificate-words.ts';
import { VerdictBox } from '../../check/components/VerdictBox.tsx';

interface ConnectionResultProps {
  report: CertificateReport;
  busy: boolean;
  onTrust(fingerprint: string): void;
}

/** What "Test connection" found, and the way to trust a certificate this computer does not. */
export function ConnectionResult({ report, busy, onTrust }: ConnectionResultProps) {
  const worst = worstPort(report);
  const untrusted = untrustedCertificate(report);
  const kind = worst?.port.verdict.kind ?? report.verdict;
  return (
    <div className="connection-result" aria-live="polite">
      <VerdictBox kind={kind} title={worst ? worst.port.verdict.title : report.headline}>
        {worst ? (
          <>
            <p>
              {portName(worst.port)}: {worst.port.verdict.explanation}
            </p>
            {untrusted ? null : <p>{worst.port.verdict.fix}</p>}
          </>
        ) : null}
      </VerdictBox>
      {untrusted ? (
        <div className="card trust-offer">
          <h4 className="subsection-title">This computer does not trust the server’s certificate</h4>
          <p>
            {untrusted.selfSigned
              ? 'The server signed its own certificate. '
              : 'No authority this computer knows vouches for it. '}
            If this is the server you expect, compare the fingerprint with the one your provider gives you,
            then trust it. It is trusted for this server only.
          </p>
          <dl className="fact-list">
            <dt>Names on it</dt>
            <dd>{untrusted.names.join(', ')}</dd>
            <dt>SHA-256 fingerprint</dt>
            <dd className="fingerprint">{untrusted.fingerprint256}</dd>
          </dl>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy || undefined}
              onClick={() => onTrust(untrusted.fingerprint256)}
            >
              Trust this certificate for this server only
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
