import type { Database } from 'better-sqlite3';
import type { LogLevel, LogLine } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';

export interface NewLogLine {
  level: LogLevel;
  message: string;
  projectId?: number | null;
  jobId?: number | null;
  account?: string | null;
  folder?: string | null;
  code?: string | null;
}

interface EventRow {
  id: number;
  at: string;
  level: LogLevel;
  project_id: number | null;
  job_id: number | null;
  account: string | null;
  folder: string | null;
  code: string | null;
  message: string;
}

/** The log a customer can read: lines are stored, then pushed to whoever listens. */
export interface EventLog {
  append(line: NewLogLine): LogLine;
  recent(options: { projectId?: number | undefined; limit: number }): LogLine[];
  /** A job's whole log in order, or one account's lines with the job-wide ones. */
  forJob(jobId: number, account?: string): LogLine[];
  onAppend(listener: (line: LogLine) => void): () => void;
}

export function createEventLog(db: Database, clock: Clock): EventLog {
  const insert = db.prepare(
    `INSERT INTO events (at, level, project_id, job_id, account, folder, code, message)
     VALUES (@at, @level, @projectId, @jobId, @account, @folder, @code, @message)`,
  );
  const recentAll = db.prepare<[number], EventRow>('SELECT * FROM events ORDER BY id DESC LIMIT ?');
  const recentProject = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE project_id = ? ORDER BY id DESC LIMIT ?',
  );
  const byJob = db.prepare<[number], EventRow>('SELECT * FROM events WHERE job_id = ? ORDER BY id');
  const byJobAccount = db.prepare<[number, string], EventRow>(
    'SELECT * FROM events WHERE job_id = ? AND (account = ? OR account IS NULL) ORDER BY id',
  );
  const listeners = new Set<(line: LogLine) => void>();

  return {
    append(line) {
      const stored: Omit<LogLine, 'id'> = {
        at: clock.now().toISOString(),
        level: line.level,
        projectId: line.projectId ?? null,
        jobId: line.jobId ?? null,
        account: line.account ?? null,
        folder: line.folder ?? null,
        code: line.code ?? null,
        message: line.message,
      };
      const full: LogLine = { id: Number(insert.run(stored).lastInsertRowid), ...stored };
      for (const listener of listeners) listener(full);
      return full;
    },
    recent({ projectId, limit }) {
      const rows = projectId === undefined ? recentAll.all(limit) : recentProject.all(projectId, limit);
      return rows.reverse().map(toLogLine);
    },
    forJob(jobId, account) {
      return (account === undefined ? byJob.all(jobId) : byJobAccount.all(jobId, account)).map(toLogLine);
    },
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function toLogLine(r: EventRow): LogLine {
  return {
    id: r.id,
    at: r.at,
    level: r.level,
    projectId: r.project_id,
    jobId: r.job_id,
    account: r.account,
    folder: r.folder,
    code: r.code,
    message: r.message,
  };
}
