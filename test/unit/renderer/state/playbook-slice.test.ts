import { describe, expect, it } from 'vitest';
import type { PlaybookTask } from '../../../../preload/contract.ts';
import { selectProjectTasks } from '../../../../renderer/features/tasks/state/playbook-slice.ts';
import { failed, later, ok, storeWith } from './fake-api.ts';

const task = (key: string, patch: Partial<PlaybookTask> = {}): PlaybookTask => ({
  key,
  phase: 'prepare',
  title: key,
  description: '',
  importance: 'required',
  offsetDays: -14,
  dueDate: null,
  status: 'not-started',
  storedStatus: 'not-started',
  overdue: false,
  notes: '',
  completedAt: null,
  updatedAt: null,
  check: null,
  noticeKey: null,
  lastCheck: null,
  ...patch,
});

describe('the playbook slice', () => {
  it('puts a changed task in the list that the phase pages and the timeline share', async () => {
    const store = storeWith({
      'playbook.tasks': () => ok([task('inventory'), task('lower-ttl')]),
      'playbook.update': ({ key, notes }) => ok(task(key, { notes: notes ?? '' })),
    });
    await store.getState().loadTasks(3);
    const result = await store.getState().updateTask(3, 'lower-ttl', { notes: 'TTL 300 at the registrar' });
    expect(result.ok).toBe(true);
    expect(selectProjectTasks(store.getState(), 3)?.map((t) => [t.key, t.notes])).toEqual([
      ['inventory', ''],
      ['lower-ttl', 'TTL 300 at the registrar'],
    ]);
  });

  it('keeps the list when a change is refused, and answers with the reason', async () => {
    const store = storeWith({
      'playbook.tasks': () => ok([task('inventory')]),
      'playbook.update': () => failed('The project was deleted.'),
    });
    await store.getState().loadTasks(3);
    const result = await store.getState().updateTask(3, 'inventory', { status: 'complete' });
    expect(!result.ok && result.error.message).toBe('The project was deleted.');
    expect(selectProjectTasks(store.getState(), 3)?.[0]?.status).toBe('not-started');
  });

  it('says why the tasks could not be loaded', async () => {
    const store = storeWith({ 'playbook.tasks': () => failed('The database is locked.') });
    await store.getState().loadTasks(3);
    expect(store.getState().tasksError).toBe('The database is locked.');
    expect(selectProjectTasks(store.getState(), 3)).toBeNull();
  });

  it('drops a late answer for the project shown before', async () => {
    const first = later<PlaybookTask[]>();
    const store = storeWith({
      'playbook.tasks': ({ projectId }) => (projectId === 3 ? first.promise : ok([task('of-four')])),
    });
    const slow = store.getState().loadTasks(3);
    await store.getState().loadTasks(4);
    first.answer([task('of-three')]);
    await slow;
    expect(selectProjectTasks(store.getState(), 4)?.map((t) => t.key)).toEqual(['of-four']);
    expect(selectProjectTasks(store.getState(), 3)).toBeNull();
  });
});
