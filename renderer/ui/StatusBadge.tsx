import type { AccountStatus } from '../../preload/contract.ts';
import { StatusIcon } from './StatusIcon.tsx';

interface StatusBadgeProps {
  tone: AccountStatus;
  label: string;
}

/** A status as icon, word and colour together; the colour is never the only sign. */
export function StatusBadge({ tone, label }: StatusBadgeProps) {
  return (
    <span className={`status-badge tone-${tone}`}>
      <StatusIcon status={tone} />
      <span>{label}</span>
    </span>
  );
}
