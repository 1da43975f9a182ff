// The migration screen's part of the app state: the project's jobs, the job on screen kept live
// by progress events (batched per animation frame), and the account whose detail is open.
// Jobs run in main, so leaving the page only stops listening; coming back reloads and listens.
import type {
  CallArgs,
  CutoverApi,
  JobSummary,
  LogLine,
  Progress,
  Result,
} from '../../../../preload/contract.ts';
import type { LiveJob } from '../logic/live-job.ts';
import { applyProgress, liveJobFromDetail, newlyFinished, retireRun } from '../logic/live-job.ts';
import type { FrameScheduler, ProgressBatcher } from '../logic/progress-batcher.ts';
import { createProgressBatcher } from '../logic/progress-batcher.ts';

export type JobsStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface MigrationState {
  /** The current project's jobs, newest first. */
  jobs: JobSummary[];
  jobsStatus: JobsStatus;
  jobsError: string | null;
  jobsProjectId: number | null;
  /** The job on screen. */
  liveJob: LiveJob | null;
  liveJobError: string | null;
  /** The job a stop was asked for, until it has stopped. */
  stopRequested: string | null;
  /** The account whose detail is open. */
  selectedAccount: string | null;
  loadMigration(projectId: number): Promise<void>;
  showJob(name: string): Promise<void>;
  /** Starts one job; `show` puts it on screen. */
  startJob(args: CallArgs<'jobs.start'>, options?: { show?: boolean }): Promise<Result<JobSummary>>;
  /** Starts one job from the project's servers and accounts; `show` puts it on screen. */
  startProjectJob(
    args: CallArgs<'jobs.startForProject'>,
    options?: { show?: boolean },
  ): Promise<Result<JobSummary>>;
  /** Corrects one account's password in the job (and its project), then runs the job's unfinished accounts again. */
  correctPasswordAndRetry(args: CallArgs<'jobs.setAccountPassword'>): Promise<Result<JobSummary>>;
  /** The account signs in in the browser (its page opens there), then it is retried. */
  signInAndRetry(
    args: CallArgs<'jobs.signInAccount'>,
    openPage: (url: string) => void,
  ): Promise<Result<JobSummary>>;
  /** Runs the job's unfinished accounts again: resume after a stop, retry of failed and partial. */
  retryJob(name: string): Promise<Result<JobSummary>>;
  /** Runs every account of the job again, copying only what arrived since. */
  copyAgain(name: string): Promise<Result<JobSummary>>;
  /** Pause (to resume later) or cancel: both stop after the messages in flight. */
  stopJob(name: string, how: 'pause' | 'cancel'): Promise<Result<JobSummary>>;
  selectAccount(username: string | null): void;
  jobLog(name: string, account?: string): Promise<Result<LogLine[]>>;
  /** Listens to progress and log events until the returned function is called. */
  followJobEvents(): () => void;
}

type SetState = (partial: Partial<MigrationState>) => void;
type GetState = () => MigrationState;

const JOB_END = new Set(['done', 'partial', 'failed', 'paused', 'cancelled']);
const ACCOUNT_END = new Set(['done', 'partial', 'failed']);

export function createMigrationSlice(
  api: CutoverApi,
  set: SetState,
  get: GetState,
  frames: FrameScheduler,
): MigrationState {
  let batcher: ProgressBatcher | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let refreshing = false;
  let refreshAgain = false;

  const applySnapshot = (detail: Parameters<typeof liveJobFromDetail>[0]) => {
    // Events that came before this answer are older than it: apply them first.
    batcher?.flush();
    const previous = get().liveJob;
    const liveJob = liveJobFromDetail(detail, previous);
    const selected = get().selectedAccount;
    set({
      liveJob,
      liveJobError: null,
      selectedAccount: selected !== null && liveJob.accounts[selected] ? selected : null,
      stopRequested: liveJob.running ? get().stopRequested : null,
    });
  };

  const refreshLiveJob = async () => {
    refreshTimer = null;
    const job = get().liveJob;
    if (!job) return;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    const result = await api.jobs.get({ name: job.name });
    refreshing = false;
    if (result.ok && get().liveJob?.id === result.value.id) applySnapshot(result.value);
    if (refreshAgain) {
      refreshAgain = false;
      scheduleRefresh(0);
    }
  };

  const scheduleRefresh = (delayMs: number) => {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(() => void refreshLiveJob(), delayMs);
  };

  const refreshJobs = async () => {
    const projectId = get().jobsProjectId;
    if (projectId === null) return;
    const result = await api.jobs.list({ projectId });
    if (get().jobsProjectId !== projectId) return;
    if (result.ok) set({ jobs: newestFirst(result.value), jobsStatus: 'ready', jobsError: null });
    else set({ jobsStatus: 'failed', jobsError: result.error.message });
  };

  const onProgressBatch = (events: Progress[]) => {
    const before = get().liveJob;
    if (!before) return;
    const after = applyProgress(before, events);
    if (after === before) return;
    set({ liveJob: after });
    // Main stores errors and per-folder counts when an account finishes; fetch them then.
    if (newlyFinished(before, after).length > 0) scheduleRefresh(300);
    const selected = get().selectedAccount;
    const open = selected === null ? undefined : after.accounts[selected];
    if (open && open.currentFolder !== before.accounts[open.username]?.currentFolder) scheduleRefresh(1500);
  };

  const onLogLine = (line: LogLine) => {
    const job = get().liveJob;
    const jobEnded = line.account === null && line.code !== null && JOB_END.has(line.code);
    if (job && line.jobId === job.id) {
      if (jobEnded) {
        scheduleRefresh(0);
        void refreshJobs();
      } else if (line.account !== null && line.code !== null && ACCOUNT_END.has(line.code)) {
        scheduleRefresh(300);
      }
    } else if (jobEnded && line.projectId !== null && line.projectId === get().jobsProjectId) {
      void refreshJobs();
    }
  };

  /** A new run of a job on screen: the old run's late events must not count any more. */
  const rerun = async (name: string, start: () => Promise<Result<JobSummary>>) => {
    const job = get().liveJob;
    if (job?.name === name) set({ liveJob: retireRun(job) });
    const result = await start();
    await get().showJob(name);
    await refreshJobs();
    return result;
  };

  const afterStart = async (result: Result<JobSummary>, show = false) => {
    if (result.ok) {
      if (show) {
        set({ liveJob: null, selectedAccount: null, stopRequested: null });
        await get().showJob(result.value.name);
      }
      await refreshJobs();
    }
    return result;
  };

  return {
    jobs: [],
    jobsStatus: 'idle',
    jobsError: null,
    jobsProjectId: null,
    liveJob: null,
    liveJobError: null,
    stopRequested: null,
    selectedAccount: null,

    async loadMigration(projectId) {
      const sameProject = get().jobsProjectId === projectId;
      set({
        jobsProjectId: projectId,
        jobsStatus: 'loading',
        jobsError: null,
        ...(sameProject ? {} : { jobs: [], liveJob: null, liveJobError: null, selectedAccount: null }),
      });
      const result = await api.jobs.list({ projectId });
      if (get().jobsProjectId !== projectId) return;
      if (!result.ok) {
        set({ jobsStatus: 'failed', jobsError: result.error.message });
        return;
      }
      const jobs = newestFirst(result.value);
      set({ jobs, jobsStatus: 'ready' });
      const shown = get().liveJob;
      const pick = jobs.find((j) => j.id === shown?.id) ?? jobs.find((j) => j.running) ?? jobs[0] ?? null;
      if (pick) await get().showJob(pick.name);
      else set({ liveJob: null, selectedAccount: null });
    },

    async showJob(name) {
      const result = await api.jobs.get({ name });
      if (!result.ok) {
        set({ liveJobError: result.error.message });
        return;
      }
      if (get().liveJob?.id !== result.value.id) set({ selectedAccount: null, stopRequested: null });
      applySnapshot(result.value);
    },

    startJob: async (args, options = {}) => afterStart(await api.jobs.start(args), options.show),

    startProjectJob: async (args, options = {}) =>
      afterStart(await api.jobs.startForProject(args), options.show),

    async correctPasswordAndRetry(args) {
      const corrected = await api.jobs.setAccountPassword(args);
      return corrected.ok ? get().retryJob(args.name) : corrected;
    },

    async signInAndRetry(args, openPage) {
      const stop = api.events.onSignInPage((page) => {
        if (page.job === args.name && page.account === args.account) openPage(page.url);
      });
      try {
        const signedIn = await api.jobs.signInAccount(args);
        return signedIn.ok ? get().retryJob(args.name) : signedIn;
      } finally {
        stop();
      }
    },

    retryJob: (name) => rerun(name, () => api.jobs.retry({ name })),

    copyAgain: (name) => rerun(name, () => api.jobs.copyAgain({ name })),

    async stopJob(name, how) {
      const result = how === 'pause' ? await api.jobs.pause({ name }) : await api.jobs.cancel({ name });
      if (result.ok) {
        set({ stopRequested: result.value.running ? name : null });
        if (!result.value.running) await get().showJob(name);
      }
      return result;
    },

    selectAccount: (username) => set({ selectedAccount: username }),

    jobLog: (name, account) => api.jobs.log(account === undefined ? { name } : { name, account }),

    followJobEvents() {
      batcher?.dispose();
      const own = createProgressBatcher(onProgressBatch, frames);
      batcher = own;
      const stopProgress = api.events.onProgress((event) => own.push(event));
      const stopLog = api.events.onLogLine(onLogLine);
      return () => {
        stopProgress();
        stopLog();
        own.dispose();
        if (batcher === own) batcher = null;
        if (refreshTimer !== null) clearTimeout(refreshTimer);
        refreshTimer = null;
      };
    },
  };
}

function newestFirst(jobs: JobSummary[]): JobSummary[] {
  return [...jobs].sort((a, b) => b.id - a.id);
}
