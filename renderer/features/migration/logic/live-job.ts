// What the migration screen shows of one job: a snapshot from `jobs.get`, kept current by the
// progress events of its run. Pure functions returning new objects, so the store can apply a
// frame's worth of events at once and React re-renders only the tiles that changed.
import type {
  AccountStatus,
  FolderResult,
  JobDetail,
  JobSummary,
  Progress,
} from '../../../../preload/contract.ts';

export interface LiveAccount {
  username: string;
  localUsername: string;
  status: AccountStatus;
  messagesDone: number;
  messagesTotal: number;
  bytesDone: number;
  /** From the last snapshot: what the finished run of this account did. */
  copied: number;
  skipped: number;
  failed: number;
  errorCode: string | null;
  errorMessage: string | null;
  folders: readonly FolderResult[];
  /** The folder being copied now, from live events; null when not running. */
  currentFolder: string | null;
  /** Queued until then (ISO time): the new server's upload quota for today is used. */
  waitingUntil: string | null;
}

export interface JobTotals {
  accountsDone: number;
  accountsTotal: number;
  messagesDone: number;
  messagesTotal: number;
  bytesDone: number;
  /** Messages a second and seconds left; null until the running job reports them. */
  ratePerSecond: number | null;
  etaSeconds: number | null;
}

export interface LiveJob extends Omit<JobSummary, 'accounts'> {
  /** Accounts per status, kept in step with `accounts`. */
  counts: Readonly<Record<AccountStatus, number>>;
  /** Usernames in the order of the job's list. */
  order: readonly string[];
  accounts: Readonly<Record<string, LiveAccount>>;
  totals: JobTotals;
  /** The run whose events are applied; null until one is seen. */
  runId: string | null;
  /** Runs that are over: their late events are dropped, never merged into a newer run. */
  retiredRunIds: readonly string[];
}

const FINISHED: ReadonlySet<AccountStatus> = new Set(['done', 'partial', 'failed']);
const RETIRED_KEPT = 20;

/** True for the statuses an account ends a run with. */
export function isFinished(status: AccountStatus): boolean {
  return FINISHED.has(status);
}

export function emptyCounts(): Record<AccountStatus, number> {
  return { queued: 0, running: 0, done: 0, partial: 0, failed: 0 };
}

/**
 * A live job from a `jobs.get` snapshot. Main stores an account's numbers when it finishes, so
 * for accounts still running the previous live numbers (and the run's rate) are kept.
 */
export function liveJobFromDetail(detail: JobDetail, previous: LiveJob | null = null): LiveJob {
  const before = previous && previous.id === detail.id ? previous : null;
  const accounts: Record<string, LiveAccount> = {};
  const order: string[] = [];
  const counts = emptyCounts();
  let messagesDone = 0;
  let messagesTotal = 0;
  let bytesDone = 0;
  for (const result of detail.accountResults) {
    const old = before?.accounts[result.username];
    const stillRunning = result.status === 'running' && old?.status === 'running';
    const account: LiveAccount = {
      username: result.username,
      localUsername: result.localUsername,
      status: result.status,
      messagesDone: stillRunning ? old.messagesDone : result.copied + result.skipped + result.failed,
      messagesTotal: stillRunning ? old.messagesTotal : result.messagesTotal,
      bytesDone: stillRunning ? old.bytesDone : result.bytes,
      copied: result.copied,
      skipped: result.skipped,
      failed: result.failed,
      errorCode: result.errorCode,
      errorMessage: result.errorMessage,
      folders: result.folders,
      currentFolder: stillRunning ? old.currentFolder : null,
      // The snapshot names the reason; the time comes with the events of the run.
      waitingUntil:
        result.status === 'queued' && result.errorCode === 'daily-upload-limit'
          ? (old?.waitingUntil ?? null)
          : null,
    };
    accounts[result.username] = account;
    order.push(result.username);
    counts[account.status] += 1;
    messagesDone += account.messagesDone;
    messagesTotal += account.messagesTotal;
    bytesDone += account.bytesDone;
  }
  const keepRate = detail.running && before?.running === true;
  return {
    id: detail.id,
    name: detail.name,
    projectId: detail.projectId,
    status: detail.status,
    running: detail.running,
    sourceHost: detail.sourceHost,
    destinationHost: detail.destinationHost,
    createdAt: detail.createdAt,
    finishedAt: detail.finishedAt,
    counts,
    order,
    accounts,
    totals: {
      accountsDone: counts.done + counts.partial + counts.failed,
      accountsTotal: order.length,
      messagesDone,
      messagesTotal,
      bytesDone,
      ratePerSecond: keepRate ? before.totals.ratePerSecond : null,
      etaSeconds: keepRate ? before.totals.etaSeconds : null,
    },
    runId: before?.runId ?? null,
    retiredRunIds: before?.retiredRunIds ?? [],
  };
}

/** Marks the current run as over (before a retry), so none of its events count any more. */
export function retireRun(job: LiveJob): LiveJob {
  if (job.runId === null) return job;
  return { ...job, runId: null, retiredRunIds: [...job.retiredRunIds, job.runId].slice(-RETIRED_KEPT) };
}

/**
 * Applies progress events in the order they came. Events of other jobs and of retired runs are
 * ignored; the first event of a new run makes it the current one. Returns `job` itself when
 * nothing changed.
 */
export function applyProgress(job: LiveJob, events: readonly Progress[]): LiveJob {
  let next = job;
  let accounts: Record<string, LiveAccount> | null = null;
  let counts: Record<AccountStatus, number> | null = null;
  for (const event of events) {
    if (event.jobId !== next.id || next.retiredRunIds.includes(event.runId)) continue;
    if (next.runId !== event.runId) next = adoptRun(next, event.runId);
    if (event.kind === 'job') {
      next = {
        ...next,
        totals: {
          accountsDone: event.accountsDone,
          accountsTotal: event.accountsTotal,
          messagesDone: event.messagesDone,
          messagesTotal: event.messagesTotal,
          bytesDone: event.bytesDone,
          ratePerSecond: event.ratePerSecond,
          etaSeconds: event.etaSeconds,
        },
      };
      continue;
    }
    const current = (accounts ?? next.accounts)[event.account];
    if (!current) continue;
    accounts ??= { ...next.accounts };
    if (current.status !== event.status) {
      counts ??= { ...next.counts };
      counts[current.status] -= 1;
      counts[event.status] += 1;
    }
    accounts[event.account] = {
      ...current,
      status: event.status,
      messagesDone: event.messagesDone,
      messagesTotal: event.messagesTotal,
      bytesDone: event.bytesDone,
      currentFolder: event.status === 'running' ? (event.folder ?? current.currentFolder) : null,
      waitingUntil: event.waitingUntil ?? null,
    };
  }
  if (accounts === null && counts === null) return next;
  return { ...next, accounts: accounts ?? next.accounts, counts: counts ?? next.counts };
}

function adoptRun(job: LiveJob, runId: string): LiveJob {
  const retired = job.runId === null ? job.retiredRunIds : [...job.retiredRunIds, job.runId];
  return {
    ...job,
    runId,
    running: true,
    status: 'running',
    finishedAt: null,
    retiredRunIds: retired.slice(-RETIRED_KEPT),
    totals: { ...job.totals, ratePerSecond: null, etaSeconds: null },
  };
}

/** The accounts that reached a final status between two versions of a job. */
export function newlyFinished(before: LiveJob, after: LiveJob): string[] {
  if (before.accounts === after.accounts) return [];
  return after.order.filter((name) => {
    const a = after.accounts[name];
    const b = before.accounts[name];
    return a !== undefined && a !== b && isFinished(a.status) && b?.status !== a.status;
  });
}
