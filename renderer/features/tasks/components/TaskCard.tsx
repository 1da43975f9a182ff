import { useState } from 'react';
import type { ApiError, PlaybookTask, TaskStatus } from '../../../../preload/contract.ts';
import { STATUS_ORDER, STATUS_WORDS, statusNote } from '../logic/task-words.ts';
import { formatLongDay } from '../../phases/logic/format-day.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { TaskCheck } from './TaskCheck.tsx';
import { ProvisioningPanel } from './ProvisioningPanel.tsx';

interface TaskCardProps {
  task: PlaybookTask;
  now: Date;
  onUpdate(patch: { status?: TaskStatus; notes?: string }): Promise<ApiError | null>;
  onRunCheck(): Promise<ApiError | null>;
}

/** One playbook task: importance, due date, status, notes and its live check. */
export function TaskCard({ task, now, onUpdate, onRunCheck }: TaskCardProps) {
  const navigate = useAppState((s) => s.navigate);
  const [notes, setNotes] = useState(task.notes);
  const [notesState, setNotesState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const id = `task-${task.key}`;
  const note = statusNote(task);

  const save = async (patch: { status?: TaskStatus; notes?: string }) => {
    setError(null);
    const failed = await onUpdate(patch);
    if (failed) setError(`That was not saved. ${failed.message}`);
    return failed === null;
  };

  return (
    <li
      className={`card task-card${task.status === 'delayed' ? ' is-delayed' : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <div className="task-head">
        <h4 id={`${id}-title`} className="task-title">
          {task.title}
        </h4>
        <span className={`importance importance-${task.importance}`}>
          {task.importance === 'required' ? 'Required' : 'Recommended'}
        </span>
      </div>
      <p className="task-due">
        {task.dueDate ? (
          <>
            Due <time dateTime={task.dueDate}>{formatLongDay(task.dueDate)}</time>
          </>
        ) : (
          <span className="muted">No due date until the project has a cutover date.</span>
        )}
      </p>
      <p className="task-description">{task.description}</p>

      <div className="task-status-row">
        <TaskStatusBadge status={task.status} />
        <div className="field task-status-field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={task.storedStatus}
            aria-describedby={note ? `${id}-status-note` : undefined}
            onChange={(e) => void save({ status: e.target.value as TaskStatus })}
          >
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {STATUS_WORDS[status]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {note ? (
        <p id={`${id}-status-note`} className="hint">
          {note}
        </p>
      ) : null}

      {task.key === 'create-destination-users' ? <ProvisioningPanel /> : null}
      {task.check ? <TaskCheck task={{ ...task, check: task.check }} now={now} onRun={onRunCheck} /> : null}

      {task.noticeKey ? (
        <p>
          <button type="button" className="link-button" onClick={() => navigate('notices')}>
            Open the user notice for this step
          </button>
        </p>
      ) : null}

      <details className="disclosure" open={task.notes !== ''}>
        <summary>Notes{task.notes !== '' ? '' : ' (none yet)'}</summary>
        <div className="field">
          <label htmlFor={`${id}-notes`}>Notes on “{task.title}”</label>
          <textarea
            id={`${id}-notes`}
            rows={3}
            value={notes}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setNotes(e.target.value);
              setNotesState('idle');
            }}
          />
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotesState('saving');
              void save({ notes }).then((ok) => setNotesState(ok ? 'saved' : 'idle'));
            }}
          >
            {notesState === 'saving' ? 'Saving…' : 'Save notes'}
          </button>
          <span role="status" className="saved-note">
            {notesState === 'saved' ? '✓ Notes saved' : ''}
          </span>
        </div>
      </details>
      <FieldError id={`${id}-error`} message={error} />
    </li>
  );
}
