import { useCallback, useMemo, useRef, useState } from 'react';
import type { AccountStatus } from '../../../../preload/contract.ts';
import type { LiveJob } from '../logic/live-job.ts';
import { ACCOUNT_STATUS_WORDS } from '../logic/account-words.ts';
import { plural } from '../logic/progress-words.ts';
import { formatEnd, formatMoment } from '../logic/progress-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { AccountDetail } from './AccountDetail.tsx';
import { AccountGrid } from './AccountGrid.tsx';
import { JobControls } from './JobControls.tsx';
import { JobTotals } from './JobTotals.tsx';
import { LogDownloadButton } from './LogDownloadButton.tsx';

/** The job on screen: totals, controls, the account tiles and the open account's detail. */
export function JobPanel({ job }: { job: LiveJob }) {
  const selected = useAppState((s) => s.selectedAccount);
  const selectAccount = useAppState((s) => s.selectAccount);
  const account = selected === null ? undefined : job.accounts[selected];
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const gridArea = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState<AccountStatus | null>(null);
  const order = useMemo(
    () => (filter === null ? job.order : job.order.filter((name) => job.accounts[name]?.status === filter)),
    [filter, job.order, job.accounts],
  );

  // Opening an account moves focus to its detail; closing it returns focus to its tile.
  const onOpened = useCallback(() => {
    requestAnimationFrame(() => detailHeading.current?.focus());
  }, []);
  const onClose = () => {
    const index = selected === null ? -1 : order.indexOf(selected);
    selectAccount(null);
    requestAnimationFrame(() =>
      gridArea.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus(),
    );
  };

  return (
    <section className="card job-panel" aria-labelledby={`job-${job.id}-heading`}>
      <header className="job-panel-head">
        <div>
          <h3 id={`job-${job.id}-heading`} className="job-title" tabIndex={-1}>
            Job “{job.name}”
          </h3>
          <p className="muted">
            From <strong>{job.sourceHost}</strong> to <strong>{job.destinationHost}</strong> · started{' '}
            {formatMoment(job.createdAt)}
            {job.finishedAt && !job.running ? `, ended ${formatEnd(job.finishedAt, job.createdAt)}` : ''}
          </p>
        </div>
        <LogDownloadButton job={job} label="Download the whole job’s log" />
      </header>

      <JobTotals job={job} filter={filter} onFilter={setFilter} />
      <JobControls job={job} />

      <div className={`job-board${account ? ' has-detail' : ''}`}>
        <div className="job-board-grid" ref={gridArea}>
          <h4 className="subsection-title" id={`job-${job.id}-accounts`}>
            Accounts
          </h4>
          {filter === null ? (
            <p className="hint grid-hint">
              Select an account for its folders, errors and log. Keyboard: arrow keys move, Enter opens.
            </p>
          ) : (
            <p className="grid-filter" role="status">
              <span>
                Showing {plural(order.length, `${ACCOUNT_STATUS_WORDS[filter].toLowerCase()} account`)} of{' '}
                {job.order.length}.
              </span>
              <button type="button" className="button button-small" onClick={() => setFilter(null)}>
                Show all accounts
              </button>
            </p>
          )}
          {order.length > 0 ? (
            <AccountGrid key={filter ?? 'all'} job={job} order={order} onOpened={onOpened} />
          ) : (
            <p className="empty-state">
              No account is {ACCOUNT_STATUS_WORDS[filter ?? 'queued'].toLowerCase()} now.
            </p>
          )}
        </div>
        {account ? (
          <AccountDetail job={job} account={account} headingRef={detailHeading} onClose={onClose} />
        ) : null}
      </div>
    </section>
  );
}
