// "Copy the mail": complete when every migration job of the project has finished with every
// account done; anything else says which job still needs attention.
import type { CheckContext, CheckOutcome } from './check-context.ts';

export async function jobsDone(context: CheckContext): Promise<CheckOutcome> {
  const jobs = context.jobs.list(context.project.id).map((job) => ({
    name: job.name,
    status: job.status,
    failed: job.accounts.failed,
    partial: job.accounts.partial,
  }));
  if (jobs.length === 0) {
    return {
      outcome: 'fail',
      summary: 'No migration job for this project yet. Start one from the migration page.',
      diagnosticIds: [],
      details: { kind: 'jobs-done', jobs },
    };
  }
  const open = jobs.filter((job) => job.status !== 'done');
  const describe = (job: (typeof jobs)[number]) => {
    if (job.failed + job.partial > 0) {
      return `"${job.name}" has ${[job.failed ? `${job.failed} failed` : '', job.partial ? `${job.partial} partly copied` : ''].filter(Boolean).join(' and ')} account${job.failed + job.partial > 1 ? 's' : ''}; fix and retry them`;
    }
    return `"${job.name}" is ${job.status === 'running' || job.status === 'queued' ? 'still running' : job.status}`;
  };
  return {
    outcome: open.length === 0 ? 'pass' : 'fail',
    summary:
      open.length === 0
        ? `All ${jobs.length} migration job${jobs.length > 1 ? 's are' : ' is'} done.`
        : `${jobs.length - open.length} of ${jobs.length} jobs done. ${open.map(describe).join('; ')}.`,
    diagnosticIds: [],
    details: { kind: 'jobs-done', jobs },
  };
}
