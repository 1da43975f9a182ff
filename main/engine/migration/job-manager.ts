import type { JobDetail, JobSummary } from '../../../preload/contract.ts';
import type { JobAccountRow, JobRepository, JobRow } from '../../infrastructure/store/job-repository.ts';
import type { EventLog } from '../../infrastructure/store/event-log.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { createJob } from './create-job.ts';
import type { MigrationRequest } from './create-job.ts';
import { PAUSE, busyJobMessage, newRunId, runJob } from './job-runner.ts';
import { jobResource, tryHoldClaim } from './hold-claim.ts';
import type { JobRunnerDeps, JobSummary as RunSummary } from './job-runner.ts';
import { signInJobAccount, signedInWords, type AccountSignInOptions } from './account-sign-in.ts';

/**
 * Runs jobs in the background for the app, the web host and the CLI: a job keeps going when
 * its page is left or the window closed. Each running job is claimed in the database by the
 * process running it, so another process (a second window, `cutover jobs`) sees it running,
 * can ask it to pause or stop, and never starts it twice; a job whose process died mid-run is
 * marked paused, to be resumed (nothing is copied twice).
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
  /**
   * Signs one account in in the browser, on a side where each user signs in, and stores its
   * refresh token as that account's secret for the side (as a password is), for a retry.
   */
  signInAccount(
    name: string,
    account: string,
    side: 'source' | 'destination',
    options: AccountSignInOptions,
  ): Promise<JobSummary>;
  /** Resolves when no job is running any more (the app quits then if its window was closed). */
  idle(): Promise<void>;
  /** Whether the job runs now, in this process or another. */
  isRunning(name: string): boolean;
  /** Resolves when the named job's current run ends (for tests and shutdown). */
  settled(name: string): Promise<RunSummary | null>;
  shutdown(): Promise<void>;
}

/** How often a running job's claim beats, and so how soon a Pause from another process lands. */
const JOB_HEARTBEAT_MS = 1_000;

export function createJobManager(
  deps: JobRunnerDeps & {
    jobs: JobRepository;
    eventLog: EventLog;
    /** A project account's password is fixed here, for every job that refers to it. */
    accounts: Pick<AccountRepository, 'secretIds' | 'setPassword'>;
  },
): JobManager {
  const running = new Map<string, { controller: AbortController; done: Promise<RunSummary | null> }>();

  const runningAnywhere = (job: JobRow) =>
    running.has(job.name) || deps.claims.liveHolder(jobResource(job.id)) !== null;

  // A job left "running" by a process that is gone (killed, crashed, switched off): paused, to
  // be resumed. A job another live process runs is left alone.
  const reconcile = () => {
    for (const job of deps.jobs.inStatus('running')) {
      if (runningAnywhere(job)) continue;
      deps.jobs.setJobStatus(job.id, 'paused');
      deps.eventLog.append({
        level: 'warn',
        jobId: job.id,
        projectId: job.projectId,
        code: 'interrupted',
        message: `Cutover stopped while job "${job.name}" was running. Resume it to carry on; nothing is copied twice.`,
      });
    }
  };
  reconcile();

  const summary = (job: JobRow): JobSummary => toSummary(deps.jobs.withCounts(job.id), runningAnywhere(job));

  const launch = (job: JobRow, accounts: 'unfinished' | 'all' = 'unfinished'): JobRow => {
    const { name } = job;
    const runId = newRunId(job.id);
    const controller = new AbortController();
    const claim = running.has(name)
      ? null
      : tryHoldClaim(deps.claims, jobResource(job.id), runId, {
          heartbeatMs: JOB_HEARTBEAT_MS,
          // Pause or Stop pressed in another window, or `cutover` from another terminal.
          onStopRequest: (request) => {
            if (controller.signal.aborted) return;
            deps.eventLog.append({
              level: 'info',
              jobId: job.id,
              projectId: job.projectId,
              message: `${request === 'pause' ? 'Pause' : 'Stop'} asked for from another Cutover window or command: stopping after the messages in flight.`,
            });
            controller.abort(request === 'pause' ? PAUSE : undefined);
          },
          onLost: () => controller.abort(PAUSE),
        });
    if (!claim) throw new ServiceError('already-exists', busyJobMessage(deps.claims, job));
    const done = runJob(job.id, deps, { signal: controller.signal, accounts, runId, claim })
      .catch((error: unknown) => {
        deps.eventLog.append({
          level: 'error',
          jobId: job.id,
          projectId: job.projectId,
          code: 'internal',
          message: `Job "${name}" stopped: ${(error as Error).message}`,
        });
        return null;
      })
      .finally(() => {
        claim.release();
        running.delete(name);
      });
    running.set(name, { controller, done });
    return job;
  };

  /** Stops a job here, or asks the process that runs it. */
  const stop = (job: JobRow, reason: typeof PAUSE | undefined): JobRow => {
    const local = running.get(job.name);
    if (local) local.controller.abort(reason);
    else deps.claims.requestStop(jobResource(job.id), reason === PAUSE ? 'pause' : 'cancel');
    return job;
  };
  const named = (name: string) => deps.jobs.byName(name);
  const accountOf = (job: JobRow, account: string): JobAccountRow => {
    const row = deps.jobs.accounts(job.id).find((a) => a.username === account);
    if (!row) throw new ServiceError('not-found', `The job "${job.name}" has no account "${account}".`);
    return row;
  };
  /** Stores an account's secret for one side: a password, or the refresh token of its sign-in. */
  const storeAccountSecret = (row: JobAccountRow, side: 'source' | 'destination', plain: string) => {
    // A project account's secret is the project's: fixed there, for every job that copies it.
    if (row.accountId !== null) {
      deps.accounts.setPassword(row.accountId, side, plain);
    } else {
      const current = side === 'source' ? row.sourceSecretId : row.destinationSecretId;
      if (current !== null) deps.secrets.replace(current, plain);
      else deps.jobs.setAccountSecret(row.id, side, deps.secrets.put(plain));
    }
  };

  return {
    list(projectId) {
      reconcile();
      return deps.jobs
        .list()
        .filter((j) => projectId === undefined || j.projectId === projectId)
        .map((j) => toSummary(j, runningAnywhere(j)));
    },
    get(name) {
      const job = named(name);
      return {
        ...summary(job),
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
    start: (request) => summary(launch(createJob(request, deps.jobs, deps.secrets))),
    retry: (name) => summary(launch(named(name))),
    copyAgain: (name) => summary(launch(named(name), 'all')),
    cancel: (name) => summary(stop(named(name), undefined)),
    pause: (name) => summary(stop(named(name), PAUSE)),
    isRunning: (name) => runningAnywhere(named(name)),
    setAccountPassword(name, account, side, password) {
      const job = named(name);
      storeAccountSecret(accountOf(job, account), side, password);
      deps.eventLog.append({
        level: 'info',
        jobId: job.id,
        projectId: job.projectId,
        account,
        message: `The ${side === 'source' ? 'old' : 'new'} server password of ${account} was changed for this job.`,
      });
      return summary(job);
    },
    async signInAccount(name, account, side, options) {
      const job = named(name);
      const row = accountOf(job, account);
      const refreshToken = await signInJobAccount(job, row, side, deps.secrets, options);
      // Read again: a password or sign-in stored while the browser was open is replaced, not doubled.
      storeAccountSecret(accountOf(job, account), side, refreshToken);
      deps.eventLog.append({
        level: 'info',
        jobId: job.id,
        projectId: job.projectId,
        account,
        message: signedInWords(row, side, job.spec[side].host),
      });
      return summary(job);
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
