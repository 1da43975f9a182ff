import { useEffect, useMemo, useState } from 'react';
import { downloadText } from '../../migration/logic/log-file.ts';
import { PHASES } from '../../phases/logic/phase-schedule.ts';
import { formatShortDay } from '../../phases/logic/format-day.ts';
import { selectCurrentProject } from '../../projects/state/projects-slice.ts';
import { useAppState } from '../../../app/store-context.ts';
import { selectProjectTasks } from '../../tasks/state/playbook-slice.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { TaskStatusBadge } from '../../tasks/components/TaskStatusBadge.tsx';
import { PickProjectPrompt } from '../../../app/PickProjectPrompt.tsx';

const TYPES = { html: 'text/html;charset=utf-8', csv: 'text/csv;charset=utf-8' } as const;

/** The whole plan as a table by date, exportable for the customer as HTML or CSV. */
export function TimelinePage() {
  const project = useAppState(selectCurrentProject);
  const navigate = useAppState((s) => s.navigate);
  const loadTasks = useAppState((s) => s.loadTasks);
  const exportTimeline = useAppState((s) => s.exportTimeline);
  const projectId = project?.id ?? null;
  const loaded = useAppState((s) => (projectId === null ? null : selectProjectTasks(s, projectId)));
  const error = useAppState((s) => (s.tasksProjectId === projectId ? s.tasksError : null));
  const tasks = useMemo(
    () => (loaded ? [...loaded].sort((a, b) => a.offsetDays - b.offsetDays) : null),
    [loaded],
  );
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    if (projectId !== null) void loadTasks(projectId);
  }, [loadTasks, projectId]);

  const exportAs = async (format: 'html' | 'csv') => {
    if (projectId === null) return;
    setExportError(null);
    const result = await exportTimeline(projectId, format);
    if (result.ok) downloadText(result.value.fileName, result.value.content, TYPES[format]);
    else setExportError(`The timeline could not be exported. ${result.error.message}`);
  };

  const phaseName = (id: string) => PHASES.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="page" aria-labelledby="timeline-heading">
      <header className="page-header">
        <p className="eyebrow">The plan</p>
        <h2 id="timeline-heading" tabIndex={-1}>
          Timeline
        </h2>
        <p className="page-lead">
          Every task of the move by date, with its status. Export it to send to the customer.
        </p>
      </header>
      {project === null ? (
        <PickProjectPrompt purpose="see its timeline" />
      ) : (
        <>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void exportAs('html')}>
              Export HTML
            </button>
            <button type="button" className="button" onClick={() => void exportAs('csv')}>
              Export CSV
            </button>
          </div>
          <FieldError id="timeline-export-error" message={exportError} />
          {project.cutoverDate ? null : (
            <Notice tone="info">
              <p>The project has no cutover date yet, so the tasks have no dates.</p>
              <button type="button" className="link-button" onClick={() => navigate('setup')}>
                Set the cutover date in Servers and accounts
              </button>
            </Notice>
          )}
          {error ? (
            <Notice tone="error">
              <p>The plan could not be loaded. {error}</p>
            </Notice>
          ) : null}
          {tasks ? (
            <div className="table-scroll">
              <table className="data-table timeline-table">
                <caption className="visually-hidden">Timeline of “{project.name}”</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Phase</th>
                    <th scope="col">Task</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((t) => (
                    <tr key={t.key}>
                      <td className="nowrap">
                        {t.dueDate ? <time dateTime={t.dueDate}>{formatShortDay(t.dueDate)}</time> : '—'}
                      </td>
                      <td>{phaseName(t.phase)}</td>
                      <th scope="row">
                        {t.title}
                        <span className="timeline-importance muted">
                          {' '}
                          ({t.importance === 'required' ? 'required' : 'recommended'})
                        </span>
                        <span className="timeline-details">{t.description}</span>
                      </th>
                      <td>
                        <TaskStatusBadge status={t.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
