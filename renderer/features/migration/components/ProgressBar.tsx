import type { AccountStatus } from '../../../../preload/contract.ts';

interface ProgressBarProps {
  /** 0–100. */
  value: number;
  tone: AccountStatus;
  /** The accessible name; without one the bar is decorative (the numbers are in the text). */
  label?: string;
  /** Words for the value, read instead of a bare percentage. */
  valueText?: string;
}

/** A bar in the status colour. Named bars are progressbars; unnamed ones are hidden from readers. */
export function ProgressBar({ value, tone, label, valueText }: ProgressBarProps) {
  const width = `${Math.min(100, Math.max(0, value))}%`;
  const fill = <span className="progress-fill" style={{ width }} />;
  if (!label) {
    return (
      <span className={`progress tone-${tone}`} aria-hidden="true">
        {fill}
      </span>
    );
  }
  return (
    <span
      className={`progress tone-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value)}
      aria-valuetext={valueText}
    >
      {fill}
    </span>
  );
}
