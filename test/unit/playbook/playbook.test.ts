import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAYBOOK } from '../../../main/features/playbook/playbook-catalog.ts';
import { taskView } from '../../../main/features/playbook/task-view.ts';
import { addDays, today } from '../../../main/features/playbook/calendar-day.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type { PlaybookTask, Result } from '../../../preload/contract.ts';

describe('the playbook catalog', () => {
  it('walks the four phases in order, with unique keys', () => {
    const phases = PLAYBOOK.map((task) => task.phase);
    expect([...new Set(phases)]).toEqual(['prepare', 'pre-migrate', 'cutover', 'post-migrate']);
    // Phases never go back: every task of a phase comes before the next phase's.
    const order = ['prepare', 'pre-migrate', 'cutover', 'post-migrate'];
    expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort());
    expect(new Set(PLAYBOOK.map((task) => task.key)).size).toBe(PLAYBOOK.length);
  });

  it('dates tasks about 3 weeks, 1 week, 0 days and after the cutover day; TTLs low two weeks before', () => {
    const offsets = Object.fromEntries(PLAYBOOK.map((task) => [task.key, task.offsetDays]));
    expect(offsets).toMatchObject({
      inventory: -21,
      'record-ttls': -21,
      'lower-mx-ttl': -14,
      'create-destination-users': -7,
      'point-mx': 0,
      'migrate-mail': 0,
    });
    for (const task of PLAYBOOK.filter((t) => t.phase === 'post-migrate')) {
      expect(task.offsetDays).toBeGreaterThan(0);
    }
  });

  it('gives the machine-checkable tasks their live check', () => {
    const checks = Object.fromEntries(
      PLAYBOOK.filter((task) => task.check).map((task) => [task.key, task.check!.kind]),
    );
    expect(checks).toEqual({
      'record-ttls': 'dns-ttl-record',
      'lower-mx-ttl': 'dns-ttl-lower',
      'create-destination-users': 'destination-logins',
      'point-mx': 'dns-mx-points',
      'wait-propagation': 'dns-propagation',
      'add-srv-records': 'dns-srv',
      'migrate-mail': 'jobs-done',
    });
  });

  it('marks what DESIGN.md calls required', () => {
    const required = PLAYBOOK.filter((t) => t.importance === 'required').map((t) => t.key);
    expect(required).toEqual(
      expect.arrayContaining([
        'record-ttls',
        'lower-mx-ttl',
        'create-destination-users',
        'point-mx',
        'migrate-mail',
      ]),
    );
    expect(PLAYBOOK.find((t) => t.key === 'add-srv-records')?.importance).toBe('recommended');
  });
});

describe('due dates and the delayed status', () => {
  const lower = PLAYBOOK.find((t) => t.key === 'lower-mx-ttl')!;

  it('counts calendar days across months, leap days and clock changes', () => {
    expect(addDays('2026-03-02', -21)).toBe('2026-02-09');
    expect(addDays('2024-03-06', -7)).toBe('2024-02-28');
    expect(addDays('2026-03-29', -14)).toBe('2026-03-15');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('takes today from the clock, in the time zone given', () => {
    const clock = fixedClock('2026-03-01T23:30:00.000Z');
    expect(today(clock, 'UTC')).toBe('2026-03-01');
    expect(today(clock, 'Europe/Berlin')).toBe('2026-03-02');
  });

  it('has no due date and is never delayed without a cutover date', () => {
    const view = taskView(lower, undefined, null, '2030-01-01');
    expect(view).toMatchObject({ dueDate: null, status: 'not-started', overdue: false });
  });

  it('turns delayed the day after its due date, but not on the day itself', () => {
    // Cutover 2026-03-02: lowering the TTL is due 2026-02-16.
    expect(taskView(lower, undefined, '2026-03-02', '2026-02-16')).toMatchObject({
      dueDate: '2026-02-16',
      status: 'not-started',
      overdue: false,
    });
    expect(taskView(lower, undefined, '2026-03-02', '2026-02-17')).toMatchObject({
      status: 'delayed',
      storedStatus: 'not-started',
      overdue: true,
    });
  });

  it('keeps what the admin set underneath, and a complete task is never delayed', () => {
    const stored = (status: PlaybookTask['status']) => ({
      key: lower.key,
      status,
      notes: '',
      completedAt: null,
      updatedAt: '2026-02-01T00:00:00.000Z',
      lastCheck: null,
    });
    expect(taskView(lower, stored('in-progress'), '2026-03-02', '2026-02-20')).toMatchObject({
      status: 'delayed',
      storedStatus: 'in-progress',
    });
    expect(taskView(lower, stored('complete'), '2026-03-02', '2026-02-20')).toMatchObject({
      status: 'complete',
      overdue: false,
    });
  });
});

describe('playbook calls', () => {
  const clock = fixedClock('2026-02-20T12:00:00.000Z');
  let services: Services;
  let projectId: number;

  beforeEach(() => {
    services = createTestServices(':memory:', { clock });
    projectId = services.projects.create({
      name: 'Acme',
      customer: 'Acme Ltd',
      domains: [],
      cutoverDate: '2026-03-02',
    }).id;
  });
  afterEach(() => services.close());

  const value = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  it('lists every task with its due date and an overdue one as delayed', async () => {
    const tasks = value((await services.dispatch('playbook.tasks', { projectId })) as Result<PlaybookTask[]>);
    expect(tasks.map((t) => t.key)).toEqual(PLAYBOOK.map((t) => t.key));
    const byKey = Object.fromEntries(tasks.map((t) => [t.key, t]));
    expect(byKey['record-ttls']).toMatchObject({ dueDate: '2026-02-09', status: 'delayed' });
    expect(byKey['create-destination-users']).toMatchObject({ dueDate: '2026-02-23', status: 'not-started' });
    expect(byKey['restore-ttls']).toMatchObject({ dueDate: '2026-03-09' });
  });

  it('stores status and notes; completing sets the time, reopening clears it', async () => {
    const done = value(
      (await services.dispatch('playbook.update', {
        projectId,
        key: 'record-ttls',
        status: 'complete',
        notes: 'MX was 86400 s at the old host',
      })) as Result<PlaybookTask>,
    );
    expect(done).toMatchObject({
      status: 'complete',
      notes: 'MX was 86400 s at the old host',
      completedAt: '2026-02-20T12:00:00.000Z',
    });
    const notesOnly = value(
      (await services.dispatch('playbook.update', {
        projectId,
        key: 'record-ttls',
        notes: 'checked twice',
      })) as Result<PlaybookTask>,
    );
    expect(notesOnly).toMatchObject({ status: 'complete', notes: 'checked twice' });
    const reopened = value(
      (await services.dispatch('playbook.update', {
        projectId,
        key: 'record-ttls',
        status: 'in-progress',
      })) as Result<PlaybookTask>,
    );
    expect(reopened).toMatchObject({ status: 'delayed', storedStatus: 'in-progress', completedAt: null });
  });

  it('moves every due date when the cutover date changes', async () => {
    await services.dispatch('projects.update', { projectId, cutoverDate: '2026-04-01' });
    const tasks = value((await services.dispatch('playbook.tasks', { projectId })) as Result<PlaybookTask[]>);
    expect(tasks.find((t) => t.key === 'record-ttls')).toMatchObject({
      dueDate: '2026-03-11',
      status: 'not-started',
    });
  });

  it('refuses unknown tasks, tasks without a check, and checks the project lacks data for', async () => {
    expect(
      await services.dispatch('playbook.update', { projectId, key: 'no-such-task', notes: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await services.dispatch('playbook.runCheck', { projectId, key: 'inventory' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'key' },
    });
    const noDomain = await services.dispatch('playbook.runCheck', { projectId, key: 'lower-mx-ttl' });
    expect(noDomain).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'domains' } });
    expect(!noDomain.ok && noDomain.error.message).toMatch(/Add the domain/);
    await services.dispatch('projects.update', { projectId, domains: ['acme.test'] });
    expect(await services.dispatch('playbook.runCheck', { projectId, key: 'point-mx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'destination' },
    });
    expect(
      await services.dispatch('playbook.runCheck', { projectId, key: 'create-destination-users' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'destination' },
    });
  });

  it('checks "Copy the mail" against the project\'s jobs, and keeps the result with the task', async () => {
    const task = value(
      (await services.dispatch('playbook.runCheck', {
        projectId,
        key: 'migrate-mail',
      })) as Result<PlaybookTask>,
    );
    expect(task.status).toBe('not-started');
    expect(task.lastCheck).toEqual({
      checkedAt: '2026-02-20T12:00:00.000Z',
      outcome: 'fail',
      summary: 'No migration job for this project yet. Start one from the migration page.',
      diagnosticIds: [],
      details: { kind: 'jobs-done', jobs: [], accountsNotCopied: [] },
    });
    const again = value((await services.dispatch('playbook.tasks', { projectId })) as Result<PlaybookTask[]>);
    expect(again.find((t) => t.key === 'migrate-mail')?.lastCheck?.outcome).toBe('fail');
  });
});
