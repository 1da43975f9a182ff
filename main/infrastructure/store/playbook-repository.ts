import type { Database } from 'better-sqlite3';
import type { PlaybookPhase, TaskCheckResult, TaskStatus } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';

interface Row {
  task_key: string;
  status: TaskStatus;
  notes: string;
  completed_at: string | null;
  updated_at: string;
  check_result: string | null;
}

/** What is stored for one task of one project; tasks nobody touched have no row. */
export interface StoredTask {
  key: string;
  status: TaskStatus;
  notes: string;
  completedAt: string | null;
  updatedAt: string;
  lastCheck: TaskCheckResult | null;
}

export interface TaskChange {
  status?: TaskStatus | undefined;
  notes?: string | undefined;
  check?: TaskCheckResult | undefined;
}

/** The admin's progress through the playbook: statuses, notes and the last check of each task. */
export interface PlaybookRepository {
  forProject(projectId: number): Map<string, StoredTask>;
  save(projectId: number, key: string, phase: PlaybookPhase, change: TaskChange): StoredTask;
}

export function createPlaybookRepository(db: Database, clock: Clock): PlaybookRepository {
  const all = db.prepare<[number], Row>('SELECT * FROM playbook_tasks WHERE project_id = ?');
  const one = db.prepare<[number, string], Row>(
    'SELECT * FROM playbook_tasks WHERE project_id = ? AND task_key = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO playbook_tasks (project_id, task_key, phase, status, notes, completed_at, updated_at, check_result, checked_at)
     VALUES (@projectId, @key, @phase, @status, @notes, @completedAt, @now, @checkResult, @checkedAt)
     ON CONFLICT (project_id, task_key) DO UPDATE SET
       phase = excluded.phase, status = excluded.status, notes = excluded.notes,
       completed_at = excluded.completed_at, updated_at = excluded.updated_at,
       check_result = excluded.check_result, checked_at = excluded.checked_at`,
  );

  return {
    forProject: (projectId) => new Map(all.all(projectId).map((row) => [row.task_key, toTask(row)])),
    save(projectId, key, phase, change) {
      const now = clock.now().toISOString();
      const write = db.transaction(() => {
        const before = one.get(projectId, key);
        const status = change.status ?? before?.status ?? 'not-started';
        const completedAt =
          status !== 'complete' ? null : before?.status === 'complete' ? before.completed_at : now;
        const check =
          change.check ??
          (before?.check_result ? (JSON.parse(before.check_result) as TaskCheckResult) : null);
        upsert.run({
          projectId,
          key,
          phase,
          status,
          notes: change.notes ?? before?.notes ?? '',
          completedAt,
          now,
          checkResult: check ? JSON.stringify(check) : null,
          checkedAt: check?.checkedAt ?? null,
        });
        return one.get(projectId, key)!;
      });
      return toTask(write());
    },
  };
}

function toTask(row: Row): StoredTask {
  return {
    key: row.task_key,
    status: row.status,
    notes: row.notes,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
    lastCheck: row.check_result ? (JSON.parse(row.check_result) as TaskCheckResult) : null,
  };
}
