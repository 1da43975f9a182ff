import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import { createPlaybookRepository } from '../../../main/infrastructure/store/playbook-repository.ts';
import { createNoticeRepository } from '../../../main/infrastructure/store/notice-repository.ts';
import { fixedClock } from '../../support/test-services.ts';

describe('migration 0003-playbook-checks-and-notices', () => {
  it('keeps playbook tasks written by version 2, adds their check result and the notice table', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 2);
    db.prepare(
      `INSERT INTO projects (id, name, customer, domains, cutover_date, created_at, updated_at)
       VALUES (7, 'Acme', 'Acme Ltd', '["acme.test"]', '2026-03-02', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO playbook_tasks (project_id, task_key, phase, status, notes, completed_at, updated_at)
       VALUES (7, 'record-ttls', 'prepare', 'complete', 'MX 86400', '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z')`,
    ).run();
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);

    const clock = fixedClock('2026-02-20T12:00:00.000Z');
    const playbook = createPlaybookRepository(db, clock);
    expect(playbook.forProject(7).get('record-ttls')).toEqual({
      key: 'record-ttls',
      status: 'complete',
      notes: 'MX 86400',
      completedAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      lastCheck: null,
    });
    const check = {
      checkedAt: '2026-02-20T12:00:00.000Z',
      outcome: 'pass' as const,
      summary: 'ok',
      diagnosticIds: [],
      details: { kind: 'jobs-done' as const, jobs: [] },
    };
    const saved = playbook.save(7, 'record-ttls', 'prepare', { check });
    // The check result is added; what the admin set and when it was completed stay.
    expect(saved).toMatchObject({
      status: 'complete',
      notes: 'MX 86400',
      completedAt: '2026-02-01T10:00:00.000Z',
    });
    expect(saved.lastCheck).toEqual(check);
    expect(db.prepare("SELECT checked_at FROM playbook_tasks WHERE task_key = 'record-ttls'").get()).toEqual({
      checked_at: '2026-02-20T12:00:00.000Z',
    });

    const notices = createNoticeRepository(db, clock);
    notices.save(7, 'cutover-day', { subject: 'Moved', body: 'Hello {{name}}' });
    expect(notices.get(7, 'cutover-day')).toEqual({ subject: 'Moved', body: 'Hello {{name}}' });
    db.prepare('DELETE FROM projects WHERE id = 7').run();
    expect(notices.get(7, 'cutover-day')).toBeNull();
  });
});
