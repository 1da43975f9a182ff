import type { Services } from '../services.ts';
import type { JobSummary } from '../../../preload/contract.ts';
import { holdYoungGeneration } from '../../engine/migration/young-generation.ts';
import { freeDeadBuffers } from '../../engine/migration/dead-buffers.ts';
import type { CliOutput } from './cli-context.ts';
import { call } from './cli-context.ts';
import { ExitCode } from './exit-codes.ts';
import { followJob, printSummary, quoteJobName } from './job-output.ts';

/**
 * Runs (or resumes) a job from the command line through the same dispatcher calls and job
 * service as the app: `begin` starts it (jobs.start, jobs.retry or jobs.copyAgain). Ctrl+C
 * pauses it cleanly: accounts in flight stop after the current messages, and `cutover retry`
 * carries on.
 */
export async function runJobCommand(
  services: Services,
  output: CliOutput,
  begin: () => Promise<JobSummary>,
): Promise<number> {
  // This process does nothing but the job (the desktop app keeps V8's defaults).
  holdYoungGeneration();
  const stopFreeing = freeDeadBuffers();
  const follow = followJob(services, output);
  let name: string | null = null;
  const pauseOnSignal = () => {
    output.info('Pausing after the messages in flight… (press Ctrl+C again to quit at once)');
    if (name !== null) void services.dispatch('jobs.pause', { name });
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', pauseOnSignal);
  try {
    const started = await begin();
    name = started.name;
    follow.show(started.id);
    const ended = await services.jobManager.settled(started.name);
    if (!ended) {
      output.info(
        `The job stopped on an internal error; the log says more: cutover log ${quoteJobName(started.name)}`,
      );
      return ExitCode.failed;
    }
    const detail = await call(services, 'jobs.get', { name: started.name });
    printSummary(output, detail);
    return detail.status === 'done' ? ExitCode.ok : ExitCode.failed;
  } finally {
    process.off('SIGINT', pauseOnSignal);
    follow.stop();
    stopFreeing();
  }
}
