import type { AccountStatus } from '../../../../preload/contract.ts';
import type { LiveJob } from '../logic/live-job.ts';
import { ACCOUNT_STATUS_WORDS, JOB_STATUS_WORDS, jobTone } from '../logic/account-words.ts';
import { formatCount, formatEta, formatRate, percent, plural } from '../logic/progress-words.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { StatusIcon } from '../../../ui/StatusIcon.tsx';

const LEGEND: readonly AccountStatus[] = ['done', 'partial', 'failed', 'running', 'queued'];

/** The sentence read out when it changes: the job's state and how many accounts are through. */
export function totalsSentence(job: LiveJob): string {
  const { counts, totals } = job;
  const state = job.running ? 'Running' : JOB_STATUS_WORDS[job.status];
  return `${state}: ${formatCount(totals.accountsDone)} of ${plural(totals.accountsTotal, 'account')} finished — ${formatCount(counts.done)} done, ${formatCount(counts.partial)} partly done, ${formatCount(counts.failed)} failed.`;
}

/**
 * Job totals: state, accounts per status (also the key to the colours, and a filter for the
 * grid), messages, rate and time left. Screen readers hear the sentence about accounts when it
 * changes, not every message.
 */
interface JobTotalsProps {
  job: LiveJob;
  /** The status the grid is limited to, if any; the legend's buttons set it. */
  filter: AccountStatus | null;
  onFilter(status: AccountStatus | null): void;
}

export function JobTotals({ job, filter, onFilter }: JobTotalsProps) {
  const { totals, counts } = job;
  const tone = job.running ? 'running' : jobTone(job.status);
  const rate = job.running ? formatRate(totals.ratePerSecond) : null;
  const eta = job.running ? formatEta(totals.etaSeconds) : null;
  const value = percent(totals.messagesDone, totals.messagesTotal, !job.running && job.status === 'done');
  return (
    <div className="job-totals">
      <p className="visually-hidden job-totals-sentence" aria-live="polite">
        {totalsSentence(job)}
      </p>
      <div className="job-totals-head" aria-hidden="true">
        <StatusBadge tone={tone} label={job.running ? 'Running' : JOB_STATUS_WORDS[job.status]} />
        <span className="job-totals-accounts">
          {formatCount(totals.accountsDone)} of {plural(totals.accountsTotal, 'account')} finished
        </span>
      </div>
      <ul className="status-legend" aria-label="Accounts by status; pick one to show only those accounts">
        {LEGEND.map((status) => (
          <li key={status}>
            <button
              type="button"
              className={`legend-item tone-${status}`}
              aria-pressed={filter === status}
              onClick={() => onFilter(filter === status ? null : status)}
            >
              <StatusIcon status={status} />
              <span className="legend-count">{formatCount(counts[status])}</span>
              <span>{ACCOUNT_STATUS_WORDS[status].toLowerCase()}</span>
            </button>
          </li>
        ))}
      </ul>
      <ProgressBar
        value={value}
        tone={tone}
        label="Messages copied"
        valueText={`${formatCount(totals.messagesDone)} of ${formatCount(totals.messagesTotal)} messages`}
      />
      <p className="job-totals-numbers">
        <span>
          <strong>{formatCount(totals.messagesDone)}</strong> of {plural(totals.messagesTotal, 'message')}{' '}
          copied or already there
        </span>
        {rate ? <span>{rate}</span> : null}
        {eta ? <span>{eta}</span> : null}
      </p>
    </div>
  );
}
