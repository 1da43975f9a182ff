// The project's aliases and domains: only the Servers and accounts page shows them, so the
// page keeps the inventory and these actions only make the calls.
import type { CallArgs, CutoverApi } from '../../../../preload/contract.ts';
import type { Answer } from '../../../app/slice-types.ts';

export interface AliasesState {
  loadAliases(projectId: number): Answer<'aliases.inventory'>;
  importAliases(args: CallArgs<'aliases.import'>): Answer<'aliases.import'>;
  /** Answers with the inventory left. */
  removeAlias(aliasId: number): Answer<'aliases.remove'>;
}

export function createAliasesSlice(api: CutoverApi): AliasesState {
  return {
    loadAliases: (projectId) => api.aliases.inventory({ projectId }),
    importAliases: (args) => api.aliases.import(args),
    removeAlias: (aliasId) => api.aliases.remove({ aliasId }),
  };
}
