import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../../preload/contract.ts';
import { failed, ok, storeWith } from './fake-api.ts';

const summary = (id: number): ProjectSummary => ({
  id,
  name: `Project ${id}`,
  customer: '',
  cutoverDate: null,
  accountCount: 0,
  updatedAt: '2026-03-01T10:00:00.000Z',
});

describe('the projects slice', () => {
  it('stops showing a project deleted elsewhere as current once a change to it is not found', async () => {
    const lists = [ok([summary(1), summary(2)]), ok([summary(1)])];
    const store = storeWith({
      'projects.list': () => lists.shift()!,
      'projects.rename': () =>
        Promise.resolve({ ok: false, error: { code: 'not-found', message: 'No project 2.' } }),
    });
    await store.getState().loadProjects();
    store.getState().selectProject(2);
    const result = await store.getState().renameProject(2, 'Harbour Dental');
    expect(result.ok).toBe(false);
    expect(store.getState().currentProjectId).toBeNull();
    expect(store.getState().projects.map((p) => p.id)).toEqual([1]);
  });

  it('says why the list could not be loaded', async () => {
    const store = storeWith({ 'projects.list': () => failed('The database is locked.') });
    await store.getState().loadProjects();
    expect(store.getState().projectsStatus).toBe('failed');
    expect(store.getState().projectsError).toBe('The database is locked.');
  });
});
