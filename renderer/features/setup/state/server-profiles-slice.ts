// The current project's old and new server, held once for Servers and accounts and for the job
// started from the project. Saving or trusting a certificate updates the held copy.
import type { CallArgs, CutoverApi, ServerProfile, ServerProfiles } from '../../../../preload/contract.ts';
import type { Answer, GetState, SetState } from '../../../app/slice-types.ts';

export interface ServerProfilesState {
  /** The servers of `profilesProjectId`, null until they are loaded. */
  profiles: ServerProfiles | null;
  profilesProjectId: number | null;
  /** Reads the project's servers; an answer for a project no longer asked about is dropped. */
  loadProfiles(projectId: number): Answer<'profiles.get'>;
  saveProfile(args: CallArgs<'profiles.save'>): Answer<'profiles.save'>;
  /** Connects to the saved server and reads its certificate. */
  testConnection(args: CallArgs<'profiles.testConnection'>): Answer<'profiles.testConnection'>;
  /** Trusts a certificate by its fingerprint for this server only; null stops trusting it. */
  trustCertificate(args: CallArgs<'profiles.trustCertificate'>): Answer<'profiles.trustCertificate'>;
}

export function createServerProfilesSlice(
  api: CutoverApi,
  set: SetState<ServerProfilesState>,
  get: GetState<ServerProfilesState>,
): ServerProfilesState {
  const keep = (projectId: number, profile: ServerProfile) => {
    const { profiles, profilesProjectId } = get();
    if (profiles && profilesProjectId === projectId)
      set({ profiles: { ...profiles, [profile.role]: profile } });
  };

  return {
    profiles: null,
    profilesProjectId: null,
    async loadProfiles(projectId) {
      if (get().profilesProjectId !== projectId) set({ profiles: null, profilesProjectId: projectId });
      const result = await api.profiles.get({ projectId });
      if (result.ok && get().profilesProjectId === projectId) set({ profiles: result.value });
      return result;
    },
    async saveProfile(args) {
      const result = await api.profiles.save(args);
      if (result.ok) keep(args.projectId, result.value);
      return result;
    },
    testConnection: (args) => api.profiles.testConnection(args),
    async trustCertificate(args) {
      const result = await api.profiles.trustCertificate(args);
      if (result.ok) keep(args.projectId, result.value);
      return result;
    },
  };
}

/** The servers of `projectId` once they are loaded, else null. */
export function selectProjectProfiles(state: ServerProfilesState, projectId: number): ServerProfiles | null {
  return state.profilesProjectId === projectId ? state.profiles : null;
}
