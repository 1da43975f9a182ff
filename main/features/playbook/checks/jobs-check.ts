// "Copy the mail": complete when every migration job of the project has finished with every
// account done; anything else says which job still needs attention.
import type { CheckContext, CheckOutcome } from './check-context.ts';

export async function jobsDone(context: CheckContext): Promise<CheckOutcome> {
  const projectJobs = context.jobs.list().filter((job) => job.projectId === context.project.id);
  const jobs = projectJobs.map((job) => ({
    name: job.name,
    status: job.status,
    failed: job.counts.failed,
    partial: job.counts.partial,
  }));
  // An account counts as copied when some job of the project finished it; jobs cut into batches
  // of 500 must all have run for the task to be complete.
  const copied = new Set(
    projectJobs.flatMap((job) =>
      context.jobs
        .accounts(job.id)
        .filter((a) => a.status === 'done')
        .map((a) => a.username.toLowerCase()),
    ),
  );
  const accountsNotCopied = context.accounts
    .list(context.project.id)
    .map((a) => a.username)
    .filter((username) => !copied.has(username.toLowerCase()));
  const details = { kind: 'jobs-done' as const, jobs, accountsNotCopied };
  if (jobs.length === 0) {
    return {
      outcome: 'fail',
      summary: 'No migration job for this project yet. Start one from the migration page.',
      diagnosticIds: [],
      details,
    };
  }
  const open = jobs.filter((job) => job.status !== 'done');
  const describe = (job: (typeof jobs)[number]) => {
    if (job.failed + job.partial > 0) {
      return `"${job.name}" has ${[job.failed ? `${job.failed} failed` : '', job.partial ? `${job.partial} partly copied` : ''].filter(Boolean).join(' and ')} account${job.failed + job.partial > 1 ? 's' : ''}; fix and retry them`;
    }
    return `"${job.name}" is ${job.status === 'running' || job.status === 'queued' ? 'still running' : job.status}`;
  };
  const sentences = [
    open.length === 0
      ? `All ${jobs.length} migration job${jobs.length > 1 ? 's are' : ' is'} done.`
      : `${jobs.length - open.length} of ${jobs.length} jobs done. ${open.map(describe).join('; ')}.`,
  ];
  if (accountsNotCopied.length > 0)
    sentences.push(
      `${accountsNotCopied.length} of the project’s accounts ${accountsNotCopied.length === 1 ? 'is' : 'are'} not copied by any job yet: ${listSome(accountsNotCopied)}. Start a job for ${accountsNotCopied.length === 1 ? 'it' : 'them'}.`,
    );
  return {
    outcome: open.length === 0 && accountsNotCopied.length === 0 ? 'pass' : 'fail',
    summary: sentences.join(' '),
    diagnosticIds: [],
    details,
  };
}

function listSome(names: readonly string[], shown = 5): string {
  return names.length <= shown
    ? names.join(', ')
    : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
