import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { ProjectSummary } from '../../../../preload/contract.ts';
import { useAppState } from '../../../app/store-context.ts';
import { describeError } from '../../../app/error-words.ts';
import { FieldError } from '../../../ui/FieldError.tsx';

interface RenameProjectFormProps {
  project: ProjectSummary;
  /** Called after a successful rename or a cancel. */
  onDone(): void;
}

/** Renames a project in place; Escape cancels. */
export function RenameProjectForm({ project, onDone }: RenameProjectFormProps) {
  const renameProject = useAppState((s) => s.renameProject);
  const id = useId();
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.select();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === project.name) {
      onDone();
      return;
    }
    setBusy(true);
    const result = await renameProject(project.id, name);
    setBusy(false);
    if (result.ok) {
      onDone();
    } else {
      setError(describeError(result.error).message);
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form className="rename-form" noValidate onSubmit={(e) => void onSubmit(e)} onKeyDown={onKeyDown}>
      <div className="field">
        <label htmlFor={id}>New name for “{project.name}”</label>
        <div className="inline-row">
          <input
            ref={input}
            id={id}
            type="text"
            autoComplete="off"
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button button-primary">
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        </div>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    </form>
  );
}
