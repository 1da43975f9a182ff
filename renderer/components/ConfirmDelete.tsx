import { useEffect, useId, useRef, useState } from 'react';
import type { ProjectSummary } from '../../preload/contract.ts';
import { useAppState } from '../state/store-context.ts';
import { describeError } from '../state/error-words.ts';

interface ConfirmDeleteProps {
  project: ProjectSummary;
  onCancel(): void;
  onDeleted(): void;
  onFailed(message: string): void;
}

/** Asks in the page, not in a browser dialog; the safe choice has focus. */
export function ConfirmDelete({ project, onCancel, onDeleted, onFailed }: ConfirmDeleteProps) {
  const deleteProject = useAppState((s) => s.deleteProject);
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    keep.current?.focus();
  }, []);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const result = await deleteProject(project.id);
    if (result.ok) {
      onDeleted();
    } else {
      setBusy(false);
      onFailed(describeError(result.error).message);
    }
  };

  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-detail`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={`${id}-question`} className="confirm-question">
        Delete “{project.name}”?
      </p>
      <p id={`${id}-detail`} className="confirm-detail">
        The project, its accounts and its jobs are removed from this computer. This cannot be undone. Mail
        already copied to the new provider stays there.
      </p>
      <div className="project-actions">
        <button type="button" className="button button-danger-solid" onClick={() => void confirm()}>
          {busy ? 'Deleting…' : 'Delete project'}
        </button>
        <button ref={keep} type="button" className="button" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
