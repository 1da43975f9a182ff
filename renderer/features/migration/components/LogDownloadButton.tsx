import { useState } from 'react';
import type { LiveJob } from '../logic/live-job.ts';
import { downloadText, logFileName, logFileText } from '../logic/log-file.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';

interface LogDownloadButtonProps {
  job: LiveJob;
  /** One account's log; the whole job's when absent. */
  account?: string;
  label: string;
  className?: string;
}

/** Fetches a log and saves it as a text file. */
export function LogDownloadButton({ job, account, label, className = 'button' }: LogDownloadButtonProps) {
  const jobLog = useAppState((s) => s.jobLog);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = `log-${job.id}-${account ?? 'all'}-error`;

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await jobLog(job.name, account);
    setBusy(false);
    if (!result.ok) {
      setError(`The log could not be fetched. ${result.error.message}`);
      return;
    }
    const subject = {
      job: job.name,
      sourceHost: job.sourceHost,
      destinationHost: job.destinationHost,
      ...(account === undefined ? {} : { account }),
    };
    downloadText(logFileName(subject), logFileText(subject, result.value, new Date()));
  };

  return (
    <span className="log-download">
      <button
        type="button"
        className={className}
        aria-describedby={error ? errorId : undefined}
        onClick={() => void download()}
      >
        <svg
          className="button-icon"
          viewBox="0 0 16 16"
          width="16"
          height="16"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M8 2v8M4.5 6.8L8 10.3l3.5-3.5M2.5 13.5h11"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {busy ? 'Preparing…' : label}
      </button>
      <FieldError id={errorId} message={error} />
    </span>
  );
}
