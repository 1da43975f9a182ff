import { useEffect, useId, useRef } from 'react';

interface ConfirmStopProps {
  jobName: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before stopping a job, in the page; the safe choice has focus and Escape keeps it running. */
export function ConfirmStop({ jobName, busy, onConfirm, onCancel }: ConfirmStopProps) {
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
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
        Stop job “{jobName}”?
      </p>
      <p id={`${id}-detail`} className="confirm-detail">
        Accounts being copied finish the messages already on their way, then stop. Nothing is lost: Resume
        carries on where it stopped, and nothing is copied twice.
      </p>
      <div className="project-actions">
        <button type="button" className="button button-danger-solid" onClick={onConfirm}>
          {busy ? 'Stopping…' : 'Stop the job'}
        </button>
        <button ref={keep} type="button" className="button" onClick={onCancel}>
          Keep it running
        </button>
      </div>
    </div>
  );
}
