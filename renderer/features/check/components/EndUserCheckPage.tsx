import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CertificateReport } from '../../../../preload/contract.ts';
import { worstPort } from '../logic/certificate-words.ts';
import { describeError } from '../../../app/error-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { CheckAdvancedFields, readAdvanced } from './CheckAdvancedFields.tsx';
import type { AdvancedValues } from './CheckAdvancedFields.tsx';
import { ServerDetails } from './ServerDetails.tsx';
import { VerdictBox } from './VerdictBox.tsx';

/** "Why does my mail app warn about the certificate?": one field, one button, a plain answer. */
export function EndUserCheckPage() {
  const checkServer = useAppState((s) => s.checkServer);
  const [target, setTarget] = useState('');
  const [advanced, setAdvanced] = useState<AdvancedValues>({ resolver: '', ports: {} });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<CertificateReport | null>(null);
  const id = 'end-user-check';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const extra = readAdvanced(advanced);
    if (typeof extra === 'string') {
      setError(extra);
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await checkServer({ target, ...extra });
    setBusy(false);
    if (result.ok) setReport(result.value.report as CertificateReport);
    else {
      setError(
        `${describeError(result.error).message} Type an e-mail address like name@example.com, or the server name from your mail app’s settings.`,
      );
      document.getElementById(`${id}-target`)?.focus();
    }
  };

  const worst = report ? worstPort(report) : null;
  return (
    <section className="page" aria-labelledby={`${id}-heading`}>
      <header className="page-header">
        <p className="eyebrow">Help for everyone</p>
        <h2 id={`${id}-heading`} tabIndex={-1}>
          Why does my mail app warn about the certificate?
        </h2>
        <p className="page-lead">
          Type your e-mail address, or the server name your mail app uses. Cutover connects to the mail
          server, reads its certificate, and tells you what is wrong and how to fix it.
        </p>
      </header>
      <form
        className="card check-form"
        aria-label="Check a mail server"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
      >
        <div className="field">
          <label htmlFor={`${id}-target`}>Your e-mail address or mail server name</label>
          <input
            id={`${id}-target`}
            type="text"
            autoComplete="email"
            spellCheck={false}
            placeholder="name@example.com or mail.example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
          <FieldError id={`${id}-error`} message={error} />
        </div>
        <CheckAdvancedFields id={id} values={advanced} onChange={setAdvanced} />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary button-large"
            aria-disabled={busy || undefined}
          >
            {busy ? 'Checking…' : 'Check'}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {busy ? <p className="muted">Connecting to the mail server… this takes a few seconds.</p> : null}
        {report ? (
          <div className="card check-answer">
            <h3 className="visually-hidden">The answer</h3>
            {worst ? (
              <>
                <VerdictBox kind={worst.port.verdict.kind} title={worst.server.host}>
                  <p className="check-headline">{worst.port.verdict.title}</p>
                  <p>{worst.port.verdict.explanation}</p>
                </VerdictBox>
                <p className="check-fix">
                  <strong>What to do: </strong>
                  {worst.port.verdict.fix}
                </p>
              </>
            ) : (
              <VerdictBox kind={report.verdict} title="No mail server found">
                <p className="check-headline">{report.headline}</p>
              </VerdictBox>
            )}
            <details className="disclosure">
              <summary>Details for each server and port</summary>
              {report.servers.map((server) => (
                <ServerDetails key={server.host} server={server} />
              ))}
              <p className="hint">
                Checked {new Date(report.checkedAt).toLocaleString()}, names looked up with {report.resolver}.
              </p>
            </details>
          </div>
        ) : null}
      </div>
    </section>
  );
}
