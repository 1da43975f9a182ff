import { useEffect, useRef, useState } from 'react';

const EVERY_SECONDS = 60;

interface AutoRecheckProps {
  /** Runs the check; ignored by the caller while one is already running. */
  onCheck(): void;
  /** What is checked, for the button's accessible description. */
  describedBy: string;
}

/**
 * "Check every minute" while waiting for DNS to catch up, with a visible countdown and a way to
 * stop. The caller unmounts it once the task is complete, which stops it.
 */
export function AutoRecheck({ onCheck, describedBy }: AutoRecheckProps) {
  const [on, setOn] = useState(false);
  const [left, setLeft] = useState(EVERY_SECONDS);
  const check = useRef(onCheck);
  useEffect(() => {
    check.current = onCheck;
  }, [onCheck]);

  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setLeft((seconds) => seconds - 1), 1000);
    return () => clearInterval(timer);
  }, [on]);
  useEffect(() => {
    if (!on || left > 0) return;
    setLeft(EVERY_SECONDS);
    check.current();
  }, [on, left]);

  if (!on) {
    return (
      <p className="auto-recheck">
        <button
          type="button"
          className="button button-small"
          aria-describedby={describedBy}
          onClick={() => {
            setLeft(EVERY_SECONDS);
            setOn(true);
          }}
        >
          Check every minute
        </button>{' '}
        <span className="hint">while this page is open, until every DNS server gives the new server.</span>
      </p>
    );
  }
  return (
    <p className="auto-recheck">
      <span className="auto-recheck-next">
        <span aria-hidden="true">⟳ </span>Checking every minute. Next check in{' '}
        <span className="auto-recheck-seconds">{left}</span> {left === 1 ? 'second' : 'seconds'}.
      </span>{' '}
      <button type="button" className="button button-small" onClick={() => setOn(false)}>
        Stop checking every minute
      </button>
    </p>
  );
}
