import type { JobSummary } from '../../../../preload/contract.ts';
import { JOB_STATUS_WORDS, jobTone } from '../logic/account-words.ts';
import { formatCount, formatMoment } from '../logic/progress-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';

function outcome(job: JobSummary): string {
  const { done, partial, failed, queued, running } = job.accounts;
  const parts = [`${formatCount(done)} done`];
  if (partial) parts.push(`${formatCount(partial)} partly done`);
  if (failed) parts.push(`${formatCount(failed)} failed`);
  if (queued + running) parts.push(`${formatCount(queued + running)} not finished`);
  return parts.join(', ');
}

/** The project's jobs, newest first, with their outcome; one of them is on screen. */
export function JobHistory({ jobs, shownId }: { jobs: readonly JobSummary[]; shownId: number | null }) {
  const showJob = useAppState((s) => s.showJob);
  return (
    <div className="table-scroll">
      <table className="data-table job-table">
        <caption className="visually-hidden">Jobs of this project, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Started</th>
            <th scope="col">From → to</th>
            <th scope="col">Outcome</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const shown = job.id === shownId;
            return (
              <tr
                key={job.id}
                className={shown ? 'is-shown' : undefined}
                aria-current={shown ? 'true' : undefined}
              >
                <th scope="row">{job.name}</th>
                <td>{formatMoment(job.createdAt)}</td>
                <td className="servers">
                  {job.sourceHost} → {job.destinationHost}
                </td>
                <td>
                  <span className="outcome">
                    <StatusBadge
                      tone={job.running ? 'running' : jobTone(job.status)}
                      label={job.running ? 'Running' : JOB_STATUS_WORDS[job.status]}
                    />
                    <span className="muted">{outcome(job)}</span>
                  </span>
                </td>
                <td className="actions">
                  {shown ? (
                    <span className="muted">Shown below</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Show job ${job.name}`}
                      onClick={() => void showJob(job.name)}
                    >
                      Show
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
