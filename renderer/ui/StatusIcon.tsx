import type { AccountStatus } from '../../preload/contract.ts';

/** Paths on a 16×16 grid, drawn in the text colour, so each status has a shape as well as a colour. */
const SHAPES: Readonly<Record<AccountStatus, string>> = {
  // A clock: waiting.
  queued: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13zM8 4v4.3l2.8 1.7',
  // Two arrows chasing each other: copying.
  running: 'M13 8a5 5 0 0 1-8.6 3.5M3 8a5 5 0 0 1 8.6-3.5M11.8 1.8v2.9H8.9M4.2 14.2v-2.9h2.9',
  // A tick.
  done: 'M3 8.5l3.2 3.2L13 4.8',
  // A triangle with an exclamation mark: partly done.
  partial: 'M8 2L14.5 13.5h-13zM8 6.5v3.2M8 11.6v.2',
  // A cross: failed.
  failed: 'M4 4l8 8M12 4l-8 8',
};

/** The status's shape; decorative, since the status word always stands beside it. */
export function StatusIcon({ status }: { status: AccountStatus }) {
  return (
    <svg
      className={`status-icon status-icon-${status}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={SHAPES[status]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
