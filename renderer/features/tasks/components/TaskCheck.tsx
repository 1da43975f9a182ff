import { useState } from 'react';
import type { ApiError, PlaybookTask } from '../../../../preload/contract.ts';
import { describeAgo, describeCheckError } from '../logic/task-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { CheckOutcomeBadge } from './TaskStatusBadge.tsx';
import { CheckDetails } from './CheckDetails.tsx';
import { AutoRecheck } from './AutoRecheck.tsx';

interface TaskCheckProps {
  task: PlaybookTask & { check: NonNullable<PlaybookTask['check']> };
  now: Date;
  onRun(): Promise<ApiError | null>;
}

/** A task's live check: the button, the last result, and what to fix when it cannot run. */
export function TaskCheck({ task, now, onRun }: TaskCheckProps) {
  const navigate = useAppState((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `task-${task.key}-check`;
  const last = task.lastCheck;
  const words = error ? describeCheckError(error) : null;

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setError(await onRun());
    setBusy(false);
  };

  return (
    <div className="task-check">
      <div className="task-check-bar">
        <button
          type="button"
          className="button"
          aria-describedby={`${id}-what`}
          aria-disabled={busy || undefined}
          onClick={() => void run()}
        >
          {busy ? 'Checking…' : 'Check now'}
        </button>
        <span id={`${id}-what`} className="hint">
          Live check: {task.check.label}
        </span>
      </div>
      {task.check.kind === 'dns-propagation' && task.status !== 'complete' ? (
        <AutoRecheck onCheck={() => void run()} describedBy={`${id}-what`} />
      ) : null}
      <div aria-live="polite" aria-busy={busy || undefined}>
        {busy ? <p className="muted">Checking… this can take a few seconds.</p> : null}
        {words ? (
          <div className="field-error task-check-error" role="alert">
            <span className="field-error-icon" aria-hidden="true">
              !
            </span>
            <span>
              The check could not run. {words.message}{' '}
              {words.fix ? (
                <button type="button" className="link-button" onClick={() => navigate(words.fix!.page)}>
                  {words.fix.label}
                </button>
              ) : null}
            </span>
          </div>
        ) : null}
        {/* The last result stays while a new check runs, so a re-check every minute does not flicker. */}
        {last ? (
          <div className="task-check-result">
            <p className="task-check-head">
              <CheckOutcomeBadge outcome={last.outcome} />
              <span className="muted">
                Checked <time dateTime={last.checkedAt}>{describeAgo(last.checkedAt, now)}</time>
              </span>
            </p>
            <p>{last.summary}</p>
            <CheckDetails details={last.details} />
          </div>
        ) : null}
        {!last && !busy && !words ? <p className="muted">Not checked yet.</p> : null}
      </div>
    </div>
  );
}
