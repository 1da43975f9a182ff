import { useEffect, useMemo, useState } from 'react';
import type {
  ApiError,
  PlaybookPhase,
  PlaybookTask,
  Result,
  TaskStatus,
} from '../../../../preload/contract.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { selectProjectTasks } from '../state/playbook-slice.ts';
import { TaskCard } from './TaskCard.tsx';

/** The playbook tasks of one phase for a project, kept in step with main after each change. */
export function TaskList({ projectId, phase }: { projectId: number; phase: PlaybookPhase }) {
  const loadTasks = useAppState((s) => s.loadTasks);
  const updateTask = useAppState((s) => s.updateTask);
  const runTaskCheck = useAppState((s) => s.runTaskCheck);
  const all = useAppState((s) => selectProjectTasks(s, projectId));
  const error = useAppState((s) => (s.tasksProjectId === projectId ? s.tasksError : null));
  const tasks = useMemo(() => all?.filter((t) => t.phase === phase) ?? null, [all, phase]);
  const [now, setNow] = useState(() => new Date());

  const load = () => loadTasks(projectId);
  useEffect(() => {
    void loadTasks(projectId);
  }, [loadTasks, projectId, phase]);
  // "Checked 5 minutes ago" stays true while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  /** The slice has put the changed task in the list; the times are worded from now. */
  const settled = (result: Result<PlaybookTask>): ApiError | null => {
    if (!result.ok) return result.error;
    setNow(new Date());
    return null;
  };

  const update = async (key: string, patch: { status?: TaskStatus; notes?: string }) =>
    settled(await updateTask(projectId, key, patch));

  const runCheck = async (key: string) => settled(await runTaskCheck(projectId, key));

  if (error) {
    return (
      <Notice tone="error">
        <p>The tasks could not be loaded. {error}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </Notice>
    );
  }
  if (tasks === null) {
    return (
      <p className="muted" role="status">
        Loading tasks…
      </p>
    );
  }
  const done = tasks.filter((t) => t.status === 'complete').length;
  return (
    <section className="task-section" aria-labelledby={`tasks-${phase}-title`}>
      <h3 id={`tasks-${phase}-title`} className="section-title">
        Tasks{' '}
        <span className="muted task-count">
          ({done} of {tasks.length} complete)
        </span>
      </h3>
      <ul className="task-list">
        {tasks.map((task) => (
          <TaskCard
            key={task.key}
            task={task}
            now={now}
            onUpdate={(patch) => update(task.key, patch)}
            onRunCheck={() => runCheck(task.key)}
          />
        ))}
      </ul>
    </section>
  );
}
