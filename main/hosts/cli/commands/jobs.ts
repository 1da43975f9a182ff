import type { Command } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { call, CliExit } from '../cli-context.ts';
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
        const jobs = await call(services, 'jobs.list', {});
        output.result(
          jobs.map((j) => ({
            name: j.name,
            status: j.status,
            running: j.running,
            createdAt: j.createdAt,
            finishedAt: j.finishedAt,
            accounts: j.accounts,
          })),
          () =>
            jobs.length === 0
              ? 'No jobs yet. Start one with: cutover migrate --help'
              : jobs
                  .map(
                    (j) =>
                      `${j.name}\t${j.status}\t${j.accounts.done} done, ${j.accounts.partial} partly done, ${j.accounts.failed} failed${j.accounts.queued + j.accounts.running ? `, ${j.accounts.queued + j.accounts.running} not finished` : ''}\t${j.createdAt}`,
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
        if (options.account) {
          const job = await call(services, 'jobs.get', { name });
          if (!job.accountResults.some((a) => a.username === options.account))
            throw new CliExit(ExitCode.usage, `The job "${name}" has no account "${options.account}".`);
        }
        const lines = await call(services, 'jobs.log', {
          name,
          ...(options.account ? { account: options.account } : {}),
        });
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
        runJobCommand(services, output, () =>
          call(services, options.all ? 'jobs.copyAgain' : 'jobs.retry', { name }),
        ),
      );
      if (code !== ExitCode.ok) throw new CliExit(code, '');
    });
}
