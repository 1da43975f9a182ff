import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface ConfirmInlineProps {
  question: ReactNode;
  detail: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  keepLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks in the page, not in a browser dialog; the safe choice has focus and Escape takes it. */
export function ConfirmInline(props: ConfirmInlineProps) {
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
          props.onCancel();
        }
      }}
    >
      <p id={`${id}-question`} className="confirm-question">
        {props.question}
      </p>
      <p id={`${id}-detail`} className="confirm-detail">
        {props.detail}
      </p>
      <div className="project-actions">
        <button type="button" className="button button-danger-solid" onClick={props.onConfirm}>
          {props.busy ? props.busyLabel : props.confirmLabel}
        </button>
        <button ref={keep} type="button" className="button" onClick={props.onCancel}>
          {props.keepLabel}
        </button>
      </div>
    </div>
  );
}
