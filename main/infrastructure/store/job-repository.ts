import type { Database } from 'better-sqlite3';
import type { AccountStatus, FolderResult, MigrationErrorCode } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';
import type { JobSpec } from '../../../shared/job-spec.ts';
import { ServiceError } from '../../../shared/service-error.ts';

export type JobStatus = 'queued' | 'running' | 'paused' | 'done' | 'partial' | 'failed' | 'cancelled';

export interface JobAccountRow {
  id: number;
  jobId: number;
  /** The project account this job copies: its passwords are the project's, by reference. */
  accountId: number | null;
  username: string;
  localUsername: string;
  sourceSecretId: number | null;
  destinationSecretId: number | null;
  status: AccountStatus;
  errorCode: MigrationErrorCode | null;
  errorMessage: string | null;
  messagesTotal: number;
  messagesCopied: number;
  messagesSkipped: number;
  messagesFailed: number;
  bytesCopied: number;
}

export interface JobRow {
  id: number;
  projectId: number | null;
  name: string;
  spec: JobSpec;
  status: JobStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** One folder's outcome, as the API shows it. */
export type FolderResultRow = FolderResult;

export interface NewJob {
  name: string;
  projectId: number | null;
  spec: JobSpec;
  accounts: Array<{
    username: string;
    localUsername: string;
    /** A project account: its stored passwords are used, and no copy is made. */
    accountId?: number | null;
    /** The job's own passwords (a users list typed or loaded for this job). */
    sourceSecretId: number | null;
    destinationSecretId: number | null;
  }>;
}

export interface AccountProgressUpdate {
  status?: AccountStatus;
  errorCode?: MigrationErrorCode | null;
  errorMessage?: string | null;
  messagesTotal?: number;
  messagesCopied?: number;
  messagesSkipped?: number;
  messagesFailed?: number;
  bytesCopied?: number;
}

/** Jobs, their accounts and per-folder results: what a customer's report is made of. */
export interface JobRepository {
  create(job: NewJob): JobRow;
  byName(name: string): JobRow;
  byId(id: number): JobRow;
  /** One job with its accounts counted by status (without reading any other job). */
  withCounts(id: number): JobRow & { counts: Record<AccountStatus, number> };
  list(): Array<JobRow & { counts: Record<AccountStatus, number> }>;
  /** The jobs in one status (e.g. those a process may have left running). */
  inStatus(status: JobStatus): JobRow[];
  names(): string[];
  accounts(jobId: number): JobAccountRow[];
  setJobStatus(jobId: number, status: JobStatus): void;
  updateAccount(accountId: number, update: AccountProgressUpdate): void;
  saveFolderResult(accountId: number, result: FolderResultRow): void;
  /** Points a job account at a (new) stored password. */
  setAccountSecret(accountId: number, side: 'source' | 'destination', secretId: number): void;
  folderResults(accountId: number): FolderResultRow[];
}

interface JobDbRow {
  id: number;
  project_id: number | null;
  name: string;
  spec: string;
  status: JobStatus;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export function createJobRepository(db: Database, clock: Clock): JobRepository {
  const now = () => clock.now().toISOString();
  const insertJob = db.prepare(
    `INSERT INTO jobs (project_id, name, spec, status, created_at) VALUES (?, ?, ?, 'queued', ?)`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO job_accounts (job_id, account_id, username, local_username, source_secret_id, destination_secret_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const jobByName = db.prepare<[string], JobDbRow>('SELECT * FROM jobs WHERE name = ?');
  const jobById = db.prepare<[number], JobDbRow>('SELECT * FROM jobs WHERE id = ?');
  const allJobs = db.prepare<[], JobDbRow>('SELECT * FROM jobs ORDER BY id');
  const jobsInStatus = db.prepare<[JobStatus], JobDbRow>('SELECT * FROM jobs WHERE status = ? ORDER BY id');
  const counts = db.prepare<[number], { status: AccountStatus; n: number }>(
    'SELECT status, COUNT(*) AS n FROM job_accounts WHERE job_id = ? GROUP BY status',
  );
  const accountsOf = db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM job_accounts WHERE job_id = ? ORDER BY id',
  );
  const setStatus = db.prepare(
    `UPDATE jobs SET status = @status,
       started_at = CASE WHEN @status = 'running' THEN COALESCE(started_at, @now) ELSE started_at END,
       finished_at = CASE WHEN @status IN ('done', 'partial', 'failed', 'cancelled') THEN @now
                          WHEN @status = 'running' THEN NULL ELSE finished_at END
     WHERE id = @id`,
  );
  const upsertFolder = db.prepare(
    `INSERT INTO folder_results (job_account_id, source_folder, destination_folder, messages_total, copied, skipped,
       failed, status, error_code, error_message, updated_at)
     VALUES (@accountId, @sourceFolder, @destinationFolder, @messagesTotal, @copied, @skipped, @failed, @status,
       @errorCode, @errorMessage, @now)
     ON CONFLICT (job_account_id, source_folder) DO UPDATE SET destination_folder = excluded.destination_folder,
       messages_total = excluded.messages_total, copied = excluded.copied, skipped = excluded.skipped,
       failed = excluded.failed, status = excluded.status, error_code = excluded.error_code,
       error_message = excluded.error_message, updated_at = excluded.updated_at`,
  );
  const foldersOf = db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM folder_results WHERE job_account_id = ? ORDER BY id',
  );

  const toJob = (row: JobDbRow): JobRow => ({
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    spec: JSON.parse(row.spec) as JobSpec,
    status: row.status,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  });

  const counted = (row: JobDbRow) => {
    const tally: Record<AccountStatus, number> = { queued: 0, running: 0, done: 0, partial: 0, failed: 0 };
    for (const c of counts.all(row.id)) tally[c.status] = c.n;
    return { ...toJob(row), counts: tally };
  };

  return {
    create(job) {
      const write = db.transaction(() => {
        const id = Number(
          insertJob.run(job.projectId, job.name, JSON.stringify(job.spec), now()).lastInsertRowid,
        );
        for (const a of job.accounts)
          insertAccount.run(
            id,
            a.accountId ?? null,
            a.username,
            a.localUsername,
            a.sourceSecretId,
            a.destinationSecretId,
          );
        return id;
      });
      try {
        return toJob(jobById.get(write())!);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new ServiceError(
            'already-exists',
            `A job named "${job.name}" already exists. Choose another name, or use "cutover retry ${job.name}".`,
            'name',
          );
        }
        throw error;
      }
    },
    byName(name) {
      const row = jobByName.get(name);
      if (!row)
        throw new ServiceError('not-found', `There is no job named "${name}". "cutover jobs" lists them.`);
      return toJob(row);
    },
    byId(id) {
      const row = jobById.get(id);
      if (!row) throw new ServiceError('not-found', `There is no job with id ${id}.`);
      return toJob(row);
    },
    withCounts(id) {
      const row = jobById.get(id);
      if (!row) throw new ServiceError('not-found', `There is no job with id ${id}.`);
      return counted(row);
    },
    list: () => allJobs.all().map(counted),
    inStatus: (status) => jobsInStatus.all(status).map(toJob),
    names: () => allJobs.all().map((r) => r.name),
    accounts: (jobId) => accountsOf.all(jobId).map(toAccount),
    setJobStatus(jobId, status) {
      setStatus.run({ id: jobId, status, now: now() });
    },
    updateAccount(accountId, update) {
      const columns: Record<keyof AccountProgressUpdate, string> = {
        status: 'status',
        errorCode: 'error_code',
        errorMessage: 'error_message',
        messagesTotal: 'messages_total',
        messagesCopied: 'messages_copied',
        messagesSkipped: 'messages_skipped',
        messagesFailed: 'messages_failed',
        bytesCopied: 'bytes_copied',
      };
      const set = (Object.keys(update) as Array<keyof AccountProgressUpdate>).filter(
        (k) => update[k] !== undefined,
      );
      if (set.length === 0) return;
      const extra =
        update.status === 'running'
          ? ', started_at = COALESCE(started_at, @now), finished_at = NULL'
          : update.status && update.status !== 'queued'
            ? ', finished_at = @now'
            : '';
      db.prepare(
        `UPDATE job_accounts SET ${set.map((k) => `${columns[k]} = @${k}`).join(', ')}${extra} WHERE id = @id`,
      ).run({
        ...Object.fromEntries(set.map((k) => [k, update[k]])),
        id: accountId,
        ...(extra ? { now: now() } : {}),
      });
    },
    setAccountSecret(accountId, side, secretId) {
      db.prepare(
        `UPDATE job_accounts SET ${side === 'source' ? 'source_secret_id' : 'destination_secret_id'} = ? WHERE id = ?`,
      ).run(secretId, accountId);
    },
    saveFolderResult(accountId, result) {
      upsertFolder.run({ ...result, accountId, now: now() });
    },
    folderResults: (accountId) =>
      foldersOf.all(accountId).map((r) => ({
        sourceFolder: r['source_folder'] as string,
        destinationFolder: r['destination_folder'] as string,
        messagesTotal: r['messages_total'] as number,
        copied: r['copied'] as number,
        skipped: r['skipped'] as number,
        failed: r['failed'] as number,
        status: r['status'] as FolderResultRow['status'],
        errorCode: r['error_code'] as MigrationErrorCode | null,
        errorMessage: r['error_message'] as string | null,
      })),
  };
}

function toAccount(r: Record<string, unknown>): JobAccountRow {
  return {
    id: r['id'] as number,
    jobId: r['job_id'] as number,
    accountId: r['account_id'] as number | null,
    username: r['username'] as string,
    localUsername: r['local_username'] as string,
    sourceSecretId: r['source_secret_id'] as number | null,
    destinationSecretId: r['destination_secret_id'] as number | null,
    status: r['status'] as AccountStatus,
    errorCode: r['error_code'] as MigrationErrorCode | null,
    errorMessage: r['error_message'] as string | null,
    messagesTotal: r['messages_total'] as number,
    messagesCopied: r['messages_copied'] as number,
    messagesSkipped: r['messages_skipped'] as number,
    messagesFailed: r['messages_failed'] as number,
    bytesCopied: r['bytes_copied'] as number,
  };
}
