import type { AccountStatus, TaskCheckResult, TaskStatus } from '../../../../preload/contract.ts';
import { STATUS_WORDS } from '../logic/task-words.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';

/** A task's status reuses the migration's shapes: clock, arrows, tick, warning triangle. */
const TONES: Readonly<Record<TaskStatus, AccountStatus>> = {
  'not-started': 'queued',
  'in-progress': 'running',
  complete: 'done',
  delayed: 'partial',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <StatusBadge tone={TONES[status]} label={STATUS_WORDS[status]} />;
}

const OUTCOMES: Readonly<Record<TaskCheckResult['outcome'], { tone: AccountStatus; label: string }>> = {
  pass: { tone: 'done', label: 'Passed' },
  warn: { tone: 'partial', label: 'Passed, with a warning' },
  fail: { tone: 'failed', label: 'Not yet' },
};

/** The outcome of a task's last check, as icon, word and colour. */
export function CheckOutcomeBadge({ outcome }: { outcome: TaskCheckResult['outcome'] }) {
  const { tone, label } = OUTCOMES[outcome];
  return <StatusBadge tone={tone} label={label} />;
}
