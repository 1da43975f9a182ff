import { useCallback, useEffect, useState } from 'react';
import type { ApiError, PlaybookPhase, PlaybookTask, TaskStatus } from '../../../../preload/contract.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { TaskCard } from './TaskCard.tsx';

/** The playbook tasks of one phase for a project, kept in step with main after each change. */
export function TaskList({ projectId, phase }: { projectId: number; phase: PlaybookPhase }) {
  const api = useAppState((s) => s.api);
  const [tasks, setTasks] = useState<PlaybookTask[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  const load = useCallback(async () => {
    const result = await api.playbook.tasks({ projectId });
    if (result.ok) {
      setTasks(result.value.filter((t) => t.phase === phase));
      setError(null);
    } else setError(result.error.message);
  }, [api, projectId, phase]);

  useEffect(() => {
    void load();
  }, [load]);
  // "Checked 5 minutes ago" stays true while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const replace = (task: PlaybookTask) => {
    setNow(new Date());
    setTasks((list) => list?.map((t) => (t.key === task.key ? task : t)) ?? null);
  };

  const update = async (
    key: string,
    patch: { status?: TaskStatus; notes?: string },
  ): Promise<ApiError | null> => {
    const result = await api.playbook.update({ projectId, key, ...patch });
    if (!result.ok) return result.error;
    replace(result.value);
    return null;
  };

  const runCheck = async (key: string): Promise<ApiError | null> => {
    const result = await api.playbook.runCheck({ projectId, key });
    if (!result.ok) return result.error;
    replace(result.value);
    return null;
  };

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
