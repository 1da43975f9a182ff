import type { JobDetail, JobSummary } from '../../preload/contract.ts';
import type { JobRepository, JobRow } from '../store/job-repository.ts';
import type { EventLog } from '../store/event-log.ts';
import { ServiceError } from '../api/service-error.ts';
import { createJob } from './create-job.ts';
import type { MigrationRequest } from './create-job.ts';
import { PAUSE, runJob } from './job-runner.ts';
import type { JobRunnerDeps, JobSummary as RunSummary } from './job-runner.ts';

/**
 * Runs jobs in the background for the app and the web host: a job keeps going when its page
 * is left or the window closed, and one whose process died mid-run is marked paused at start,
 * to be resumed (nothing is copied twice).
 */
export interface JobManager {
  list(projectId?: number): JobSummary[];
  get(name: string): JobDetail;
  start(request: MigrationRequest): JobSummary;
  retry(name: string): JobSummary;
  /** Runs every account of the job again: only what arrived since the last run is copied. */
  copyAgain(name: string): JobSummary;
  cancel(name: string): JobSummary;
  /** Stops the job after the messages in flight, to be resumed later. */
  pause(name: string): JobSummary;
  /** Corrects one account's password in a job (e.g. after a wrong-password failure), before a retry. */
  setAccountPassword(
    name: string,
    account: string,
    side: 'source' | 'destination',
    password: string,
  ): JobSummary;
  /** Resolves when no job is running any more (the app quits then if its window was closed). */
  idle(): Promise<void>;
  /** Resolves when the named job's current run ends (for tests and shutdown). */
  settled(name: string): Promise<RunSummary | null>;
  shutdown(): Promise<void>;
}

export function createJobManager(
  deps: JobRunnerDeps & { jobs: JobRepository; eventLog: EventLog },
): JobManager {
  const running = new Map<string, { controller: AbortController; done: Promise<RunSummary | null> }>();

  for (const job of deps.jobs.list()) {
    if (job.status === 'running' || job.status === 'queued') {
      deps.jobs.setJobStatus(job.id, 'paused');
      deps.eventLog.append({
        level: 'warn',
        jobId: job.id,
        projectId: job.projectId,
        code: 'interrupted',
        message: `Cutover stopped while job "${job.name}" was running. Resume it to carry on; nothing is copied twice.`,
      });
    }
  }

  const summary = (name: string): JobSummary => {
    const job = deps.jobs.list().find((j) => j.name === name);
    if (!job) throw new ServiceError('not-found', `There is no job named "${name}".`);
    return toSummary(job, running.has(name));
  };

  const launch = (name: string, accounts: 'unfinished' | 'all' = 'unfinished') => {
    if (running.has(name)) throw new ServiceError('already-exists', `Job "${name}" is already running.`);
    const controller = new AbortController();
    const done = runJob(name, deps, { signal: controller.signal, accounts })
      .catch((error: unknown) => {
        deps.eventLog.append({
          level: 'error',
          code: 'internal',
          message: `Job "${name}" stopped: ${(error as Error).message}`,
        });
        return null;
      })
      .finally(() => running.delete(name));
    running.set(name, { controller, done });
  };

  return {
    list: (projectId) =>
      deps.jobs
        .list()
        .filter((j) => projectId === undefined || j.projectId === projectId)
        .map((j) => toSummary(j, running.has(j.name))),
    get(name) {
      const job = deps.jobs.byName(name);
      return {
        ...summary(job.name),
        accountResults: deps.jobs.accounts(job.id).map((a) => ({
          username: a.username,
          localUsername: a.localUsername,
          status: a.status,
          errorCode: a.errorCode,
          errorMessage: a.errorMessage,
          messagesTotal: a.messagesTotal,
          copied: a.messagesCopied,
          skipped: a.messagesSkipped,
          failed: a.messagesFailed,
          bytes: a.bytesCopied,
          folders: deps.jobs.folderResults(a.id),
        })),
      };
    },
    start(request) {
      const job = createJob(request, deps.jobs, deps.secrets);
      launch(job.name);
      return summary(job.name);
    },
    retry(name) {
      deps.jobs.byName(name);
      launch(name);
      return summary(name);
    },
    copyAgain(name) {
      deps.jobs.byName(name);
      launch(name, 'all');
      return summary(name);
    },
    cancel(name) {
      running.get(name)?.controller.abort();
      return summary(deps.jobs.byName(name).name);
    },
    pause(name) {
      running.get(name)?.controller.abort(PAUSE);
      return summary(deps.jobs.byName(name).name);
    },
    setAccountPassword(name, account, side, password) {
      const job = deps.jobs.byName(name);
      const row = deps.jobs.accounts(job.id).find((a) => a.username === account);
      if (!row) throw new ServiceError('not-found', `The job "${name}" has no account "${account}".`);
      const current = side === 'source' ? row.sourceSecretId : row.destinationSecretId;
      if (current !== null) deps.secrets.replace(current, password);
      else deps.jobs.setAccountSecret(row.id, side, deps.secrets.put(password));
      deps.eventLog.append({
        level: 'info',
        jobId: job.id,
        projectId: job.projectId,
        account,
        message: `The ${side === 'source' ? 'old' : 'new'} server password of ${account} was changed for this job.`,
      });
      return summary(name);
    },
    settled: (name) => running.get(name)?.done ?? Promise.resolve(null),
    async idle() {
      // A job started while waiting is waited for too.
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
    async shutdown() {
      for (const { controller } of running.values()) controller.abort();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}

function toSummary(job: JobRow & { counts: JobSummary['accounts'] }, isRunning: boolean): JobSummary {
  return {
    id: job.id,
    name: job.name,
    projectId: job.projectId,
    status: job.status,
    running: isRunning,
    sourceHost: job.spec.source.host,
    destinationHost: job.spec.destination.host,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    accounts: job.counts,
  };
}
