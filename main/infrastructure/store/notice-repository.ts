import type { Database } from 'better-sqlite3';
import type { NoticeKey } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';

export interface StoredNotice {
  subject: string;
  body: string;
}

/** A project's reworded notices; a notice without a row is the default text. */
export interface NoticeRepository {
  get(projectId: number, key: NoticeKey): StoredNotice | null;
  save(projectId: number, key: NoticeKey, notice: StoredNotice): void;
  remove(projectId: number, key: NoticeKey): void;
}

export function createNoticeRepository(db: Database, clock: Clock): NoticeRepository {
  const one = db.prepare<[number, string], StoredNotice>(
    'SELECT subject, body FROM notice_templates WHERE project_id = ? AND notice_key = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO notice_templates (project_id, notice_key, subject, body, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (project_id, notice_key) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM notice_templates WHERE project_id = ? AND notice_key = ?');
  return {
    get: (projectId, key) => one.get(projectId, key) ?? null,
    save(projectId, key, notice) {
      upsert.run(projectId, key, notice.subject, notice.body, clock.now().toISOString());
    },
    remove(projectId, key) {
      remove.run(projectId, key);
    },
  };
}
