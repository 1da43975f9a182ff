// The current project's playbook tasks, held once for the phase pages (one phase each) and the
// timeline (all of them by date). A change or a check answers with the task, which replaces
// the held one.
import type { CutoverApi, PlaybookTask, TaskStatus } from '../../../../preload/contract.ts';
import type { Answer, GetState, SetState } from '../../../app/slice-types.ts';

export interface PlaybookState {
  /** The tasks of `tasksProjectId`, null until they are loaded. */
  tasks: PlaybookTask[] | null;
  tasksProjectId: number | null;
  /** Why the last load failed, in plain words. */
  tasksError: string | null;
  /** Reads the project's tasks; an answer for a project no longer asked about is dropped. */
  loadTasks(projectId: number): Promise<void>;
  updateTask(
    projectId: number,
    key: string,
    patch: { status?: TaskStatus; notes?: string },
  ): Answer<'playbook.update'>;
  runTaskCheck(projectId: number, key: string): Answer<'playbook.runCheck'>;
}

export function createPlaybookSlice(
  api: CutoverApi,
  set: SetState<PlaybookState>,
  get: GetState<PlaybookState>,
): PlaybookState {
  const replace = (projectId: number, task: PlaybookTask) => {
    const { tasks, tasksProjectId } = get();
    if (tasks && tasksProjectId === projectId)
      set({ tasks: tasks.map((t) => (t.key === task.key ? task : t)) });
  };

  return {
    tasks: null,
    tasksProjectId: null,
    tasksError: null,
    async loadTasks(projectId) {
      if (get().tasksProjectId !== projectId)
        set({ tasks: null, tasksProjectId: projectId, tasksError: null });
      const result = await api.playbook.tasks({ projectId });
      if (get().tasksProjectId !== projectId) return;
      if (result.ok) set({ tasks: result.value, tasksError: null });
      else set({ tasksError: result.error.message });
    },
    async updateTask(projectId, key, patch) {
      const result = await api.playbook.update({ projectId, key, ...patch });
      if (result.ok) replace(projectId, result.value);
      return result;
    },
    async runTaskCheck(projectId, key) {
      const result = await api.playbook.runCheck({ projectId, key });
      if (result.ok) replace(projectId, result.value);
      return result;
    },
  };
}

/** The tasks of `projectId` once they are loaded, else null. */
export function selectProjectTasks(state: PlaybookState, projectId: number): PlaybookTask[] | null {
  return state.tasksProjectId === projectId ? state.tasks : null;
}
