import type { Services } from '../services.ts';
import { jobStores, runJob } from '../migration/job-runner.ts';
import { serverConnections } from '../migration/server-connections.ts';
import { holdYoungGeneration } from '../migration/young-generation.ts';
import type { CliOutput } from './cli-context.ts';
import { ExitCode } from './exit-codes.ts';
import { followJob, printSummary } from './job-output.ts';

/**
 * Runs (or resumes) a job from the command line. Ctrl+C stops it cleanly: accounts in flight
 * stop after the current message, and `cutover retry` carries on later.
 */
export async function runJobCommand(
  services: Services,
  output: CliOutput,
  name: string,
  accounts: 'unfinished' | 'all' = 'unfinished',
): Promise<number> {
  const job = services.jobs.byName(name);
  // This process does nothing but the job (the desktop app keeps V8's defaults).
  holdYoungGeneration();
  const controller = new AbortController();
  const stopOnSignal = () => {
    output.info('Stopping after the messages in flight… (press Ctrl+C again to quit at once)');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  const unfollow = followJob(services, output, () => job.id);
  try {
    const summary = await runJob(
      name,
      {
        ...jobStores(services),
        ...serverConnections,
      },
      { signal: controller.signal, accounts },
    );
    printSummary(output, summary);
    return summary.status === 'done' ? ExitCode.ok : ExitCode.failed;
  } finally {
    process.off('SIGINT', stopOnSignal);
    unfollow();
  }
}
