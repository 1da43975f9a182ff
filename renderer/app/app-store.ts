// The renderer's one store: which page is showing, and each feature's slice (its data and the
// actions that call the API). Components reach main only through these actions.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CutoverApi } from '../../preload/contract.ts';
import type { PhaseId } from '../features/phases/logic/phase-schedule.ts';
import type { ProjectsState } from '../features/projects/state/projects-slice.ts';
import { createProjectsSlice } from '../features/projects/state/projects-slice.ts';
import type { FrameScheduler } from '../features/migration/logic/progress-batcher.ts';
import type { MigrationState } from '../features/migration/state/migration-slice.ts';
import { createMigrationSlice } from '../features/migration/state/migration-slice.ts';
import type { AccountsState } from '../features/setup/state/accounts-slice.ts';
import { createAccountsSlice } from '../features/setup/state/accounts-slice.ts';
import type { ServerProfilesState } from '../features/setup/state/server-profiles-slice.ts';
import { createServerProfilesSlice } from '../features/setup/state/server-profiles-slice.ts';
import type { AliasesState } from '../features/setup/state/aliases-slice.ts';
import { createAliasesSlice } from '../features/setup/state/aliases-slice.ts';
import type { PlaybookState } from '../features/tasks/state/playbook-slice.ts';
import { createPlaybookSlice } from '../features/tasks/state/playbook-slice.ts';
import type { ProvisioningState } from '../features/tasks/state/provisioning-slice.ts';
import { createProvisioningSlice } from '../features/tasks/state/provisioning-slice.ts';
import type { NoticesState } from '../features/notices/state/notices-slice.ts';
import { createNoticesSlice } from '../features/notices/state/notices-slice.ts';
import type { TimelineState } from '../features/timeline/state/timeline-slice.ts';
import { createTimelineSlice } from '../features/timeline/state/timeline-slice.ts';
import type { CheckState } from '../features/check/state/check-slice.ts';
import { createCheckSlice } from '../features/check/state/check-slice.ts';

/** The pages of the nav: projects, the four phases, and the screens their tasks open. */
export type Page = 'projects' | PhaseId | 'migration' | 'setup' | 'notices' | 'timeline' | 'end-user-check';

export interface AppState
  extends
    ProjectsState,
    MigrationState,
    AccountsState,
    ServerProfilesState,
    AliasesState,
    PlaybookState,
    ProvisioningState,
    NoticesState,
    TimelineState,
    CheckState {
  page: Page;
  navigate(page: Page): void;
}

export type AppStore = StoreApi<AppState>;

/** One store per window, bound to the API the bridge picked; `frames` pace the job grid. */
export function createAppStore(api: CutoverApi, frames: FrameScheduler): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createProjectsSlice(api, set, get),
    ...createMigrationSlice(api, set, get, frames),
    ...createAccountsSlice(api, set, get),
    ...createServerProfilesSlice(api, set, get),
    ...createAliasesSlice(api),
    ...createPlaybookSlice(api, set, get),
    ...createProvisioningSlice(api),
    ...createNoticesSlice(api),
    ...createTimelineSlice(api),
    ...createCheckSlice(api),
    page: 'projects',
    navigate: (page) => set({ page }),
  }));
}
