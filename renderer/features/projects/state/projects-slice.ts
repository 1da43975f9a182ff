// The projects and which one is current. Actions call the API and return its Result, so a form
// can show an error next to its field; the list is re-read after every change.
import type { CallArgs, CutoverApi, ProjectSummary } from '../../../../preload/contract.ts';
import type { Answer, GetState, SetState } from '../../../app/slice-types.ts';

export type ProjectsStatus = 'loading' | 'ready' | 'failed';

export interface ProjectsState {
  projects: ProjectSummary[];
  projectsStatus: ProjectsStatus;
  /** Why the list could not be loaded, in plain words. */
  projectsError: string | null;
  currentProjectId: number | null;
  selectProject(projectId: number | null): void;
  loadProjects(): Promise<void>;
  createProject(args: CallArgs<'projects.create'>): Answer<'projects.create'>;
  renameProject(projectId: number, name: string): Answer<'projects.rename'>;
  deleteProject(projectId: number): Answer<'projects.delete'>;
  /** Changes customer, domains or cutover date; the header and nav follow. */
  updateProject(args: CallArgs<'projects.update'>): Answer<'projects.update'>;
  /** Re-reads the list (account counts change after an import). */
  refreshProjects(): Promise<void>;
  /** One project with its domains and dates, for the page that edits them. */
  loadProject(projectId: number): Answer<'projects.get'>;
}

export function createProjectsSlice(
  api: CutoverApi,
  set: SetState<ProjectsState>,
  get: GetState<ProjectsState>,
): ProjectsState {
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
    projects: [],
    projectsStatus: 'loading',
    projectsError: null,
    currentProjectId: null,
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
    loadProject: (projectId) => api.projects.get({ projectId }),
  };
}

/** The current project's summary, or null when none is picked. */
export function selectCurrentProject(state: ProjectsState): ProjectSummary | null {
  return state.projects.find((p) => p.id === state.currentProjectId) ?? null;
}
