// Creating the users on the new service: the old password hashes and the users file. Only the
// task's panel shows them, so the panel keeps the summary and these actions only make the calls.
import type { CallArgs, CutoverApi, DestinationKind } from '../../../../preload/contract.ts';
import type { Answer } from '../../../app/slice-types.ts';

export interface ProvisioningState {
  loadProvisioning(projectId: number): Answer<'provisioning.summary'>;
  importHashes(args: CallArgs<'provisioning.importHashes'>): Answer<'provisioning.importHashes'>;
  exportUsersFile(projectId: number, destinationKind: DestinationKind): Answer<'provisioning.exportCsv'>;
  /** Deletes the imported hashes; answers with the summary left. */
  forgetHashes(projectId: number): Answer<'provisioning.forget'>;
}

export function createProvisioningSlice(api: CutoverApi): ProvisioningState {
  return {
    loadProvisioning: (projectId) => api.provisioning.summary({ projectId }),
    importHashes: (args) => api.provisioning.importHashes(args),
    exportUsersFile: (projectId, destinationKind) =>
      api.provisioning.exportCsv({ projectId, destinationKind }),
    forgetHashes: (projectId) => api.provisioning.forget({ projectId }),
  };
}
