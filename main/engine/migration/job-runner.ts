import type { ConnectionOptions } from 'node:tls';
import type { AccountStatus, JobStatus, Progress } from '../../../preload/contract.ts';
import type { EventBus } from '../../../shared/event-bus.ts';
import type { EventLog } from '../../infrastructure/store/event-log.ts';
import type { JobAccountRow, JobRepository, JobRow } from '../../infrastructure/store/job-repository.ts';
import type { LedgerRepository } from '../../infrastructure/store/ledger-repository.ts';
import type { ClaimRepository } from '../../infrastructure/store/claim-repository.ts';
import type { SecretRepository } from '../../infrastructure/store/secret-repository.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import { createByteBudget } from './byte-budget.ts';
import { createKeyedLimiter } from './keyed-limiter.ts';
import { createThrottle } from './progress-throttle.ts';
import { createJobTally } from './job-tally.ts';
import { runAccount } from './account-runner.ts';
import type { AccountOutcome, AccountRunContext } from './account-runner.ts';
import type { AccountLogLine } from './account-events.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { DEFAULT_RETRY } from './retry-policy.ts';
import { MigrationError } from './migration-error.ts';
import { credentialsFor } from './account-credentials.ts';
import { createAccessTokens } from './access-tokens.ts';
import { holdClaim, jobResource, mailboxResource, tryHoldClaim } from './hold-claim.ts';
import type { HeldClaim } from './hold-claim.ts';
import { mailboxIdentity } from './endpoints.ts';
import { createUploadWaits } from './upload-waits.ts';
import { dailyUploadLimit } from './daily-upload-limit.ts';
import type { UploadDayRepository } from '../../infrastructure/store/upload-day-repository.ts';
import type { Clock } from '../../infrastructure/clock.ts';
import { systemClock } from '../../infrastructure/clock.ts';
import { MAX_LANES } from './folder-lanes.ts';

export interface JobRunnerDeps {
  jobs: JobRepository;
  ledger: LedgerRepository;
  /** Who runs which job, and copies into which destination mailbox, now, across processes. */
  claims: ClaimRepository;
  secrets: SecretRepository;
  /** The project's accounts, whose stored passwords project jobs refer to. */
  accounts: Pick<AccountRepository, 'secretIds'>;
  eventLog: EventLog;
  bus: EventBus;
  openPop3: (
    ...args: [...Parameters<AccountRunContext['openPop3']>, job: JobRow]
  ) => ReturnType<AccountRunContext['openPop3']>;
  /**
   * TLS options per side (pinned certificates); undefined means Node's normal verification.
   * `settled: false` (a pinned server unreachable) is asked again before the next attempt.
   */
  tls?: (
    job: JobRow,
  ) => Promise<{ source?: ConnectionOptions; destination?: ConnectionOptions; settled?: boolean }>;
  /** Adds the certificate's names and fingerprint to a certificate error; default: unchanged. */
  explainCertificate?: (error: MigrationError, job: JobRow) => Promise<MigrationError>;
  /** Bytes stored per destination mailbox and day, for a destination's daily upload limit. */
  uploads: UploadDayRepository;
  /** The day a daily upload limit counts, and when the next begins (default: the system clock). */
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The abort reason that pauses a job rather than cancelling it. */
export const PAUSE = 'pause';

/** What a run reads and writes, as the services hold it. */
export type JobStores = Pick<
  JobRunnerDeps,
  'jobs' | 'ledger' | 'claims' | 'secrets' | 'accounts' | 'eventLog' | 'bus' | 'uploads' | 'clock'
>;

/** The stores of `services`, for the callers that run a job themselves (benchmark, tests). */
export function jobStores(services: JobStores): JobStores {
  const { jobs, ledger, claims, secrets, accounts, eventLog, bus, uploads, clock } = services;
  return { jobs, ledger, claims, secrets, accounts, eventLog, bus, uploads, ...(clock ? { clock } : {}) };
}

export interface JobRunOptions {
  signal?: AbortSignal;
  /** Message bodies in memory at once, across all accounts (default 16 MB). */
  budgetBytes?: number;
  retry?: RetryPolicy;
  maxConnectionsPerServer?: number;
  progressIntervalMs?: number;
  runId?: string;
  /**
   * The job's claim, taken by the caller (the job service takes it before it says "started").
   * Without one, the run takes it itself, and refuses when another process runs the job.
   */
  claim?: HeldClaim;
  /**
   * 'unfinished' (default): the accounts not done yet. 'all': every account again, to copy what
   * arrived since (after a pre-copy, or once the MX change has spread); only new mail is copied.
   */
  accounts?: 'unfinished' | 'all';
}

export interface JobSummary {
  job: JobRow;
  status: 'done' | 'partial' | 'failed' | 'paused' | 'cancelled';
  accounts: Array<JobAccountRow & { folders: ReturnType<JobRepository['folderResults']> }>;
}

/**
 * Runs every account of a job that is not done yet (queued, interrupted, failed or partial),
 * a few at a time, and records results as they come. Running it again after a crash or a
 * cancel carries on where it stopped; the ledger and destination checks prevent duplicates.
 */
export async function runJob(
  jobId: number,
  deps: JobRunnerDeps,
  options: JobRunOptions = {},
): Promise<JobSummary> {
  const job = deps.jobs.byId(jobId);
  const signal = options.signal ?? new AbortController().signal;
  const runId = options.runId ?? newRunId(job.id);
  // A claim the caller took is the caller's to release; one taken here is released here.
  const ownClaim = options.claim ? null : tryHoldClaim(deps.claims, jobResource(job.id), runId);
  if (!options.claim && !ownClaim) throw new MigrationError('job-busy', busyJobMessage(deps.claims, job));
  try {
    return await runClaimedJob(job, deps, options, signal, runId);
  } finally {
    ownClaim?.release();
  }
}

/** A run's id: the job and a time stamp, unique enough to tell two runs of one job apart. */
export function newRunId(jobId: number): string {
  return `${jobId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Why a job cannot start here: another process runs it. */
export function busyJobMessage(claims: ClaimRepository, job: JobRow): string {
  const holder = claims.liveHolder(jobResource(job.id));
  const where = holder
    ? ` (process ${holder.pid}${holder.ours ? ', this one' : ` on ${holder.hostname}`})`
    : '';
  return `Job "${job.name}" is already running in another Cutover window or command${where}. Wait for it to finish, or pause it there first.`;
}

const BATCHES_IN_FLIGHT = 2;

async function runClaimedJob(
  job: JobRow,
  deps: JobRunnerDeps,
  options: JobRunOptions,
  signal: AbortSignal,
  runId: string,
): Promise<JobSummary> {
  const { name, spec } = job;
  const clock = deps.clock ?? systemClock;
  const budgetBytes = options.budgetBytes ?? 16 * 1024 * 1024;
  const budget = createByteBudget(budgetBytes);
  const concurrency = Math.max(1, spec.concurrency);
  // Per account up to MAX_LANES lanes, each with two batches in flight (one fetched while the other
  // is appended): what a job holds is the budget however many accounts run at once.
  const batchBytes = Math.max(
    256 * 1024,
    Math.floor(budgetBytes / (concurrency * MAX_LANES * BATCHES_IN_FLIGHT)),
  );
  const limiter = createKeyedLimiter(options.maxConnectionsPerServer ?? 8);
  // Worked out when the first account connects, and kept once every pinned server answered; a
  // pin that no longer matches fails each account. While a pinned server is down, each attempt
  // asks again, so the pin is used as soon as it is back.
  let tlsKnown: ReturnType<NonNullable<JobRunnerDeps['tls']>> | null = null;
  const tlsOptions = async () => {
    if (!deps.tls) return {};
    const pending = (tlsKnown ??= deps.tls(job));
    try {
      const options = await pending;
      if (options.settled === false && tlsKnown === pending) tlsKnown = null;
      return options;
    } catch (error) {
      if (tlsKnown === pending) tlsKnown = null;
      throw error;
    }
  };
  // A pause or a stop ends a back-off at once (the account then stops as interrupted).
  const sleep = deps.sleep ?? ((ms: number) => abortableDelay(ms, signal));
  const random = deps.random ?? Math.random;
  const log = (account: string | null, line: AccountLogLine) =>
    deps.eventLog.append({ ...line, jobId: job.id, projectId: job.projectId, account });
  const progress = createThrottle<Progress>(options.progressIntervalMs ?? 250, (p) =>
    deps.bus.emit('job.progress', p),
  );

  const everyAccount = options.accounts === 'all';
  const every = deps.jobs.accounts(job.id);
  const pending = every.filter((a) => everyAccount || a.status !== 'done');
  const tally = createJobTally(
    every.map((account) => [
      account.id,
      {
        done: account.status === 'done' && !everyAccount ? account.messagesTotal : 0,
        total: account.messagesTotal,
        bytes: 0,
        status: account.status,
      },
    ]),
  );
  for (const account of pending)
    deps.jobs.updateAccount(account.id, { status: 'queued', errorCode: null, errorMessage: null });
  deps.jobs.setJobStatus(job.id, 'running');
  log(null, {
    level: 'info',
    message: `Job "${name}" started: ${pending.length} of ${every.length} accounts to copy, ${concurrency} at a time.`,
  });
  const started = Date.now();

  const pushJobProgress = (
    outcome: { status: JobStatus; running: boolean } = { status: 'running', running: true },
  ) => {
    const { done, total, bytes, finished, accounts } = tally.totals();
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? bytes / seconds : 0;
    progress.push('job', {
      kind: 'job',
      runId,
      jobId: job.id,
      ...outcome,
      accountsDone: finished,
      accountsTotal: accounts,
      messagesDone: done,
      messagesTotal: total,
      bytesDone: bytes,
      ratePerSecond: seconds > 0 ? done / seconds : 0,
      etaSeconds:
        done > 0 && total > done ? Math.round(((total - done) * seconds) / done) : rate > 0 ? 0 : null,
    });
  };

  // One cache for the whole run: an app-only token serves every account.
  const tokens = createAccessTokens(deps.secrets);
  const runOne = async (account: JobAccountRow): Promise<AccountOutcome> => {
    let mailbox: HeldClaim | null = null;
    let release: (() => void) | null = null;
    const destinationMailbox = mailboxIdentity(spec.destination.host, account.localUsername);
    try {
      mailbox = await holdClaim(
        deps.claims,
        mailboxResource(destinationMailbox),
        `${runId}/${account.id}`,
        signal,
        {
          onWait: () =>
            log(account.username, {
              level: 'info',
              message: `Waiting: another job is copying into ${account.localUsername} on the new server; this account starts when it is done.`,
            }),
        },
      ).catch(() => {
        throw new MigrationError('cancelled', 'The job was stopped before this account started.');
      });
      const claimed = mailbox;
      release = await limiter.acquire([spec.source.host, spec.destination.host]);
      if (signal.aborted)
        throw new MigrationError('cancelled', 'The job was stopped before this account started.');
      deps.jobs.updateAccount(account.id, { status: 'running' });
      tally.set(account.id, { status: 'running' });
      const outcome = await runAccount({
        spec,
        credentials: credentialsFor(account, job, deps.accounts),
        secrets: deps.secrets,
        tokens,
        skip: spec.skip,
        translations: spec.translations,
        ledger: deps.ledger,
        budget,
        batchBytes,
        retry: options.retry ?? DEFAULT_RETRY,
        signal,
        tls: tlsOptions,
        openPop3: (endpoint, user, password) => deps.openPop3(endpoint, user, password, job),
        // Taken over while this process was not answering (frozen, asleep on another host):
        // stop before writing anything the other run may write too.
        beforeWrite: () => {
          if (!claimed.held()) throw mailboxLostError(account.localUsername);
        },
        explainCertificate: (error) =>
          deps.explainCertificate ? deps.explainCertificate(error, job) : Promise.resolve(error),
        emit: (event) => {
          switch (event.type) {
            case 'log':
              return log(account.username, event.line);
            case 'folder-done':
              return deps.jobs.saveFolderResult(account.id, event.result);
            case 'progress': {
              const p = event.progress;
              tally.set(account.id, { done: p.messagesDone, total: p.messagesTotal, bytes: p.bytesDone });
              progress.push(`a${account.id}`, {
                kind: 'account',
                runId,
                jobId: job.id,
                account: account.username,
                status: 'running',
                folder: p.folder,
                messagesDone: p.messagesDone,
                messagesTotal: p.messagesTotal,
                bytesDone: p.bytesDone,
              });
              return pushJobProgress();
            }
          }
        },
        sleep,
        random,
        uploads:
          spec.destination.dailyUploadBytes == null
            ? null
            : dailyUploadLimit({
                limitBytes: spec.destination.dailyUploadBytes,
                account: destinationMailbox,
                uploads: deps.uploads,
                now: () => clock.now(),
              }),
      });
      return outcome;
    } catch (error) {
      const failure =
        error instanceof MigrationError ? error : new MigrationError('internal', (error as Error).message);
      return { status: 'failed', copied: 0, skipped: 0, failed: 0, total: 0, bytes: 0, error: failure };
    } finally {
      release?.();
      mailbox?.release();
    }
  };

  const queue = [...pending];
  const uploadWaits = createUploadWaits<JobAccountRow>();
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const today = await runOne(account);
      if (today.status === 'waiting') {
        waitForTomorrow(account, today);
        continue;
      }
      const outcome = uploadWaits.total(account.id, today);
      const cancelled = outcome.error?.code === 'cancelled';
      const status: AccountStatus = cancelled || outcome.status === 'waiting' ? 'queued' : outcome.status;
      deps.jobs.updateAccount(account.id, {
        status,
        errorCode: outcome.error?.code ?? null,
        errorMessage: outcome.error?.message ?? null,
        messagesTotal: outcome.total,
        messagesCopied: outcome.copied,
        messagesSkipped: outcome.skipped,
        messagesFailed: outcome.failed,
        bytesCopied: outcome.bytes,
      });
      const before = tally.get(account.id);
      const state = tally.set(account.id, {
        status,
        total: outcome.total,
        done: outcome.status === 'failed' ? before.done : outcome.total,
      });
      progress.push(`a${account.id}`, {
        kind: 'account',
        runId,
        jobId: job.id,
        account: account.username,
        status,
        folder: null,
        messagesDone: state.done,
        messagesTotal: state.total,
        bytesDone: outcome.bytes,
      });
      pushJobProgress();
      if (!cancelled) {
        log(account.username, {
          level: outcome.status === 'done' ? 'info' : outcome.status === 'partial' ? 'warn' : 'error',
          code: outcome.status === 'failed' ? (outcome.error?.code ?? 'internal') : outcome.status,
          message: accountSummary(outcome),
        });
      }
    }
  };
  // Queued again, with the time its destination takes uploads again; the other accounts go on.
  const waitForTomorrow = (account: JobAccountRow, outcome: AccountOutcome) => {
    const sofar = uploadWaits.hold(account, outcome);
    deps.jobs.updateAccount(account.id, {
      status: 'queued',
      errorCode: outcome.error?.code ?? null,
      errorMessage: outcome.error?.message ?? null,
      messagesTotal: outcome.total,
      messagesCopied: sofar.copied,
      bytesCopied: sofar.bytes,
    });
    const state = tally.set(account.id, { status: 'queued' });
    progress.push(`a${account.id}`, {
      kind: 'account',
      runId,
      jobId: job.id,
      account: account.username,
      status: 'queued',
      folder: null,
      messagesDone: state.done,
      messagesTotal: state.total,
      bytesDone: sofar.bytes,
      waitingUntil: sofar.at.toISOString(),
    });
    pushJobProgress();
  };
  for (;;) {
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, queue.length)) }, worker));
    const next = uploadWaits.nextAt();
    if (next === null || signal.aborted) break;
    await sleep(Math.max(0, next.getTime() - clock.now().getTime()));
    if (signal.aborted) break;
    queue.push(...uploadWaits.due(clock.now()));
  }
  progress.flush();

  const accounts = deps.jobs.accounts(job.id);
  // A pause and a cancel stop the same way (messages in flight land first); they differ in
  // what the job says it is: paused to be resumed, or stopped on purpose.
  const status = signal.aborted
    ? signal.reason === PAUSE
      ? 'paused'
      : 'cancelled'
    : accounts.every((a) => a.status === 'done')
      ? 'done'
      : accounts.every((a) => a.status === 'failed')
        ? 'failed'
        : 'partial';
  deps.jobs.setJobStatus(job.id, status);
  pushJobProgress({ status, running: false });
  progress.flush();
  log(null, {
    level: status === 'done' ? 'info' : 'warn',
    code: status,
    message: jobSummaryLine(name, status, accounts),
  });
  return {
    job: deps.jobs.byId(job.id),
    status,
    accounts: accounts.map((a) => ({ ...a, folders: deps.jobs.folderResults(a.id) })),
  };
}

function mailboxLostError(login: string): MigrationError {
  return new MigrationError(
    'mailbox-taken-over',
    `Another Cutover run took over copying into ${login} while this one was not answering (the computer slept or the app froze). This account stopped before copying anything twice; run the job again once the other run is done.`,
  );
}

function accountSummary(o: AccountOutcome): string {
  if (o.status === 'failed') {
    const before =
      o.copied > 0
        ? ` ${o.copied} messages were copied before it stopped; a retry carries on from there.`
        : '';
    return `Failed: ${o.error?.message ?? 'unknown error'}${before}`;
  }
  const counts = `${o.total} messages: ${o.copied} copied, ${o.skipped} already there${o.failed ? `, ${o.failed} not copied` : ''}.`;
  return o.status === 'done'
    ? `Done. ${counts}`
    : `Partly done. ${counts} The log says which messages and why.`;
}

function jobSummaryLine(name: string, status: string, accounts: JobAccountRow[]): string {
  const count = (s: AccountStatus) => accounts.filter((a) => a.status === s).length;
  const verb = status === 'cancelled' ? 'stopped' : status === 'paused' ? 'paused' : 'finished';
  return `Job "${name}" ${verb}: ${count('done')} done, ${count('partial')} partly done, ${count('failed')} failed${count('queued') ? `, ${count('queued')} not started` : ''}.`;
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
