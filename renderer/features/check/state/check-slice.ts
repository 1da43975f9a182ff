// The end user's certificate check: one call, kept by no project.
import type { CallArgs, CutoverApi } from '../../../../preload/contract.ts';
import type { Answer } from '../../../app/slice-types.ts';

export interface CheckState {
  checkServer(args: CallArgs<'diagnostics.checkServer'>): Answer<'diagnostics.checkServer'>;
}

export function createCheckSlice(api: CutoverApi): CheckState {
  return { checkServer: (args) => api.diagnostics.checkServer(args) };
}
