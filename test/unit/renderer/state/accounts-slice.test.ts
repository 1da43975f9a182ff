import { describe, expect, it } from 'vitest';
import type { Account, ProjectSummary } from '../../../../preload/contract.ts';
import { selectProjectAccounts } from '../../../../renderer/features/setup/state/accounts-slice.ts';
import { failed, later, ok, storeWith } from './fake-api.ts';

const account = (id: number, projectId: number, username: string): Account => ({
  id,
  projectId,
  username,
  localUsername: username,
  hasSourcePassword: true,
  hasDestinationPassword: false,
});

const summary = (id: number, accountCount: number): ProjectSummary => ({
  id,
  name: `Project ${id}`,
  customer: '',
  cutoverDate: null,
  accountCount,
  updatedAt: '2026-03-01T10:00:00.000Z',
});

describe('the accounts slice', () => {
  it('keeps the words of a failed load, and forgets them once a load succeeds', async () => {
    const answers = [failed('The database is locked.'), ok([account(1, 7, 'ann')])];
    const store = storeWith({ 'accounts.list': () => answers.shift()! });

    const first = await store.getState().loadAccounts(7);
    expect(first.ok).toBe(false);
    expect(store.getState().accountsError).toBe('The database is locked.');
    expect(selectProjectAccounts(store.getState(), 7)).toBeNull();

    await store.getState().loadAccounts(7);
    expect(store.getState().accountsError).toBeNull();
    expect(selectProjectAccounts(store.getState(), 7)?.map((a) => a.username)).toEqual(['ann']);
  });

  it('re-reads the accounts and the project counts after a clean import, not after one with bad lines', async () => {
    const held = [account(1, 7, 'ann')];
    let lists = 0;
    const store = storeWith({
      'accounts.list': () => {
        lists += 1;
        return ok([...held]);
      },
      'projects.list': () => ok([summary(7, held.length)]),
      'accounts.import': ({ text }) => {
        if (text.includes('\n'))
          return ok({ added: 0, updated: 0, errors: [{ line: 2, message: 'no password' }] });
        held.push(account(2, 7, 'bob'));
        return ok({ added: 1, updated: 0, errors: [] });
      },
    });
    await store.getState().loadAccounts(7);
    expect(lists).toBe(1);

    const refused = await store.getState().importAccounts({ projectId: 7, text: 'cat,pw\ndan' });
    expect(refused.ok && refused.value.errors).toHaveLength(1);
    expect(lists).toBe(1);

    await store.getState().importAccounts({ projectId: 7, text: 'bob,pw' });
    expect(selectProjectAccounts(store.getState(), 7)?.map((a) => a.username)).toEqual(['ann', 'bob']);
    expect(store.getState().projects).toEqual([summary(7, 2)]);
  });

  it('drops a late answer for a project no longer asked about', async () => {
    const forSeven = later<Account[]>();
    const store = storeWith({
      'accounts.list': ({ projectId }) => (projectId === 7 ? forSeven.promise : ok([account(9, 8, 'zoe')])),
    });
    const slow = store.getState().loadAccounts(7);
    await store.getState().loadAccounts(8);
    forSeven.answer([account(1, 7, 'ann')]);
    await slow;

    expect(store.getState().accountsProjectId).toBe(8);
    expect(selectProjectAccounts(store.getState(), 8)?.map((a) => a.username)).toEqual(['zoe']);
    expect(selectProjectAccounts(store.getState(), 7)).toBeNull();
  });

  it('leaves the list as it was when a removal fails', async () => {
    const store = storeWith({
      'accounts.list': () => ok([account(1, 7, 'ann')]),
      'accounts.remove': () => failed('The account is in a running job.'),
    });
    await store.getState().loadAccounts(7);
    const result = await store.getState().removeAccount(account(1, 7, 'ann'));
    expect(result.ok).toBe(false);
    expect(selectProjectAccounts(store.getState(), 7)).toHaveLength(1);
  });
});
