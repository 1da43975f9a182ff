import type { Command } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { CliExit } from '../cli-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { withServices } from '../with-services.ts';
import { runJobCommand } from '../run-job-command.ts';

/** `cutover jobs`, `cutover log NAME`, `cutover retry NAME`: a job after it ran. */
export function registerJobs(program: Command, streams: CliStreams): void {
  program
    .command('jobs')
    .description('list jobs with their outcome')
    .action(async (_options: unknown, command: Command) => {
      await withServices(command, streams, async (services, output) => {
        const jobs = services.jobs.list();
        output.result(
          jobs.map((j) => ({
            name: j.name,
            status: j.status,
            createdAt: j.createdAt,
            finishedAt: j.finishedAt,
            accounts: j.counts,
          })),
          () =>
            jobs.length === 0
              ? 'No jobs yet. Start one with: cutover migrate --help'
              : jobs
                  .map(
                    (j) =>
                      `${j.name}\t${j.status}\t${j.counts.done} done, ${j.counts.partial} partly done, ${j.counts.failed} failed${j.counts.queued + j.counts.running ? `, ${j.counts.queued + j.counts.running} not finished` : ''}\t${j.createdAt}`,
                  )
                  .join('\n'),
        );
      });
    });

  program
    .command('log')
    .description("a job's log, folder by folder: what was copied, skipped and failed, and why")
    .argument('<name>', 'the job')
    .option('--account <user>', 'only this account (and the job-wide lines)')
    .action(async (name: string, options: { account?: string }, command: Command) => {
      await withServices(command, streams, async (services, output) => {
        const job = services.jobs.byName(name);
        if (options.account && !services.jobs.accounts(job.id).some((a) => a.username === options.account)) {
          throw new CliExit(ExitCode.usage, `The job "${name}" has no account "${options.account}".`);
        }
        const lines = services.eventLog.forJob(job.id, options.account);
        if (output.json) {
          for (const line of lines) output.result(line, () => '');
          return;
        }
        output.result(lines, () =>
          lines
            .map(
              (l) =>
                `${l.at}  ${l.level.toUpperCase().padEnd(5)}  ${l.account ?? '(job)'}${l.folder ? ` [${l.folder}]` : ''}  ${l.message}`,
            )
            .join('\n'),
        );
      });
    });

  program
    .command('retry')
    .description('run a job again: failed, partly done and interrupted accounts (nothing is copied twice)')
    .argument('<name>', 'the job')
    .option('--all', 'every account again, copying only what arrived since (after a pre-copy)')
    .action(async (name: string, options: { all?: boolean }, command: Command) => {
      const code = await withServices(command, streams, (services, output) =>
        runJobCommand(services, output, (jobs) => (options.all ? jobs.copyAgain(name) : jobs.retry(name))),
      );
      if (code !== ExitCode.ok) throw new CliExit(code, '');
    });
}
