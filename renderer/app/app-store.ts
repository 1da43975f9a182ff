// The renderer's state: which page is showing, the projects, and which one is current.
// Actions call the API and return its Result, so a form can show an error next to its field.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CallArgs, CutoverApi, Project, ProjectSummary, Result } from '../../preload/contract.ts';
import type { PhaseId } from '../features/phases/logic/phase-schedule.ts';
import type { MigrationState } from '../features/migration/state/migration-slice.ts';
import { createMigrationSlice } from '../features/migration/state/migration-slice.ts';

/** The pages of the nav: projects, the four phases, and the screens their tasks open. */
export type Page = 'projects' | PhaseId | 'migration' | 'setup' | 'notices' | 'timeline' | 'end-user-check';

export type ProjectsStatus = 'loading' | 'ready' | 'failed';

export interface AppState extends MigrationState {
  /** The typed API, for pages whose data lives only while they are open (tasks, profiles). */
  api: CutoverApi;
  page: Page;
  projects: ProjectSummary[];
  projectsStatus: ProjectsStatus;
  /** Why the list could not be loaded, in plain words. */
  projectsError: string | null;
  currentProjectId: number | null;
  navigate(page: Page): void;
  selectProject(projectId: number | null): void;
  loadProjects(): Promise<void>;
  createProject(args: CallArgs<'projects.create'>): Promise<Result<Project>>;
  renameProject(projectId: number, name: string): Promise<Result<Project>>;
  deleteProject(projectId: number): Promise<Result<{ deleted: true }>>;
  /** Changes customer, domains or cutover date; the header and nav follow. */
  updateProject(args: CallArgs<'projects.update'>): Promise<Result<Project>>;
  /** Re-reads the list (account counts change after an import). */
  refreshProjects(): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

/** One store per window, bound to the API the bridge picked. */
export function createAppStore(api: CutoverApi): AppStore {
  return createStore<AppState>()((set, get) => {
    const refresh = async () => {
      const result = await api.projects.list();
      if (!result.ok) {
        set({ projectsStatus: 'failed', projectsError: result.error.message });
        return;
      }
      const projects = result.value;
      const current = get().currentProjectId;
      set({
        projects,
        projectsStatus: 'ready',
        projectsError: null,
        // A project deleted elsewhere (another window, the CLI) stops being current.
        currentProjectId: projects.some((p) => p.id === current) ? current : null,
      });
    };

    return {
      ...createMigrationSlice(api, set, get),
      api,
      page: 'projects',
      projects: [],
      projectsStatus: 'loading',
      projectsError: null,
      currentProjectId: null,
      navigate: (page) => set({ page }),
      selectProject: (projectId) => set({ currentProjectId: projectId }),
      async loadProjects() {
        set({ projectsStatus: 'loading', projectsError: null });
        await refresh();
      },
      async createProject(args) {
        const result = await api.projects.create(args);
        if (result.ok) {
          set({ currentProjectId: result.value.id });
          await refresh();
        }
        return result;
      },
      async renameProject(projectId, name) {
        const result = await api.projects.rename({ projectId, name });
        // not-found: deleted elsewhere (another window, the CLI); the list should show that.
        if (result.ok || result.error.code === 'not-found') await refresh();
        return result;
      },
      async updateProject(args) {
        const result = await api.projects.update(args);
        if (result.ok || result.error.code === 'not-found') await refresh();
        return result;
      },
      refreshProjects: refresh,
      async deleteProject(projectId) {
        const result = await api.projects.delete({ projectId });
        if (result.ok || result.error.code === 'not-found') {
          if (get().currentProjectId === projectId) set({ currentProjectId: null });
          await refresh();
        }
        return result;
      },
    };
  });
}

/** The current project's summary, or null when none is picked. */
export function selectCurrentProject(state: AppState): ProjectSummary | null {
  return state.projects.find((p) => p.id === state.currentProjectId) ?? null;
}
