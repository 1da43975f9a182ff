// The current project's accounts, held once for every screen that lists them (Servers and
// accounts, the notices, the job started from the project). An import or a removal re-reads
// them and the project list (which shows account counts).
import type { Account, CallArgs, CutoverApi } from '../../../../preload/contract.ts';
import type { Answer, GetState, SetState } from '../../../app/slice-types.ts';

export interface AccountsState {
  /** The accounts of `accountsProjectId`, null until they are loaded. */
  accounts: Account[] | null;
  accountsProjectId: number | null;
  /** Why the last load failed, in plain words. */
  accountsError: string | null;
  /** Reads the project's accounts; an answer for a project no longer asked about is dropped. */
  loadAccounts(projectId: number): Answer<'accounts.list'>;
  /** Imports a pasted list, all or nothing; a clean import re-reads the accounts. */
  importAccounts(args: CallArgs<'accounts.import'>): Answer<'accounts.import'>;
  removeAccount(account: Account): Answer<'accounts.remove'>;
}

interface Needs {
  refreshProjects(): Promise<void>;
}

export function createAccountsSlice(
  api: CutoverApi,
  set: SetState<AccountsState>,
  get: GetState<AccountsState & Needs>,
): AccountsState {
  const load = async (projectId: number) => {
    if (get().accountsProjectId !== projectId)
      set({ accounts: null, accountsProjectId: projectId, accountsError: null });
    const result = await api.accounts.list({ projectId });
    if (get().accountsProjectId !== projectId) return result;
    if (result.ok) set({ accounts: result.value, accountsError: null });
    else set({ accountsError: result.error.message });
    return result;
  };

  const reload = async (projectId: number) => {
    await load(projectId);
    await get().refreshProjects();
  };

  return {
    accounts: null,
    accountsProjectId: null,
    accountsError: null,
    loadAccounts: load,
    async importAccounts(args) {
      const result = await api.accounts.import(args);
      if (result.ok && result.value.errors.length === 0) await reload(args.projectId);
      return result;
    },
    async removeAccount(account) {
      const result = await api.accounts.remove({ accountId: account.id });
      if (result.ok) await reload(account.projectId);
      return result;
    },
  };
}

/** The accounts of `projectId` once they are loaded, else null. */
export function selectProjectAccounts(state: AccountsState, projectId: number): Account[] | null {
  return state.accountsProjectId === projectId ? state.accounts : null;
}
