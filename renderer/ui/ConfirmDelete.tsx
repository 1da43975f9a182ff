import { useState } from 'react';
import { ConfirmInline } from './ConfirmInline.tsx';
import type { ProjectSummary } from '../../preload/contract.ts';
import { useAppState } from '../app/store-context.ts';
import { describeError } from '../app/error-words.ts';

interface ConfirmDeleteProps {
  project: ProjectSummary;
  onCancel(): void;
  onDeleted(): void;
  onFailed(message: string): void;
}

/** Asks before deleting a project; the safe choice has focus. */
export function ConfirmDelete({ project, onCancel, onDeleted, onFailed }: ConfirmDeleteProps) {
  const deleteProject = useAppState((s) => s.deleteProject);
  const [busy, setBusy] = useState(false);

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
    <ConfirmInline
      question={<>Delete “{project.name}”?</>}
      detail="The project, its accounts and its jobs are removed from this computer. This cannot be undone. Mail already copied to the new provider stays there."
      confirmLabel="Delete project"
      busyLabel="Deleting…"
      keepLabel="Keep it"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    />
  );
}
