import { useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { ProjectSummary } from '../../../../preload/contract.ts';
import { useAppState } from '../../../app/store-context.ts';
import { formatShortDay } from '../../phases/logic/format-day.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { RenameProjectForm } from './RenameProjectForm.tsx';
import { ConfirmDelete } from '../../../ui/ConfirmDelete.tsx';

type Mode = 'view' | 'rename' | 'confirm-delete';

interface ProjectCardProps {
  project: ProjectSummary;
  /** The card is gone after a delete, so the page decides where focus goes. */
  onDeleted(): void;
}

/** One project in the list: its facts, and make-current, rename and delete. */
export function ProjectCard({ project, onDeleted }: ProjectCardProps) {
  const isCurrent = useAppState((s) => s.currentProjectId === project.id);
  const selectProject = useAppState((s) => s.selectProject);
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const headingId = `project-${project.id}-name`;

  // Focus returns to the button that opened an inline form once it closes.
  const backTo = (button: RefObject<HTMLButtonElement | null>) => {
    setMode('view');
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <li
      className={isCurrent ? 'project-card card is-current' : 'project-card card'}
      aria-labelledby={headingId}
    >
      <div className="project-card-head">
        {mode === 'rename' ? (
          <RenameProjectForm project={project} onDone={() => backTo(renameButton)} />
        ) : (
          <h4 id={headingId} className="project-name">
            {project.name}
          </h4>
        )}
        {isCurrent ? (
          <span className="badge">
            <span aria-hidden="true">✓</span>
            Current project
          </span>
        ) : null}
      </div>

      <dl className="project-facts">
        <div>
          <dt>Customer</dt>
          <dd>{project.customer || <span className="muted">Not given</span>}</dd>
        </div>
        <div>
          <dt>Cutover date</dt>
          <dd>
            {project.cutoverDate ? (
              <time dateTime={project.cutoverDate}>{formatShortDay(project.cutoverDate)}</time>
            ) : (
              <span className="muted">Not set</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Accounts</dt>
          <dd>{project.accountCount}</dd>
        </div>
      </dl>

      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}

      {mode === 'rename' ? null : mode === 'confirm-delete' ? (
        <ConfirmDelete
          project={project}
          onCancel={() => backTo(deleteButton)}
          onDeleted={onDeleted}
          onFailed={(message) => {
            setError(message);
            backTo(deleteButton);
          }}
        />
      ) : (
        <div className="project-actions">
          {isCurrent ? null : (
            <button
              type="button"
              className="button button-primary"
              aria-describedby={headingId}
              onClick={() => selectProject(project.id)}
            >
              Work on this project
            </button>
          )}
          <button
            ref={renameButton}
            type="button"
            className="button"
            aria-describedby={headingId}
            onClick={() => {
              setError(null);
              setMode('rename');
            }}
          >
            Rename
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="button button-danger"
            aria-describedby={headingId}
            onClick={() => {
              setError(null);
              setMode('confirm-delete');
            }}
          >
            Delete…
          </button>
        </div>
      )}
    </li>
  );
}
