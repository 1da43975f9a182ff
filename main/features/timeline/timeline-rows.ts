// The plan as a customer reads it: one row per task, in date order, in words.
import type { PlaybookTask, TaskStatus } from '../../../preload/contract.ts';
import { PHASE_NAMES } from '../playbook/playbook-catalog.ts';

export interface TimelineRow {
  date: string;
  phase: string;
  task: string;
  details: string;
  required: string;
  status: string;
}

export const TIMELINE_COLUMNS: ReadonlyArray<{ key: keyof TimelineRow; header: string }> = [
  { key: 'date', header: 'Date' },
  { key: 'phase', header: 'Phase' },
  { key: 'task', header: 'Task' },
  { key: 'details', header: 'Details' },
  { key: 'required', header: 'Required' },
  { key: 'status', header: 'Status' },
];

const STATUS_WORDS: Record<TaskStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  delayed: 'Delayed',
};

export function timelineRows(tasks: PlaybookTask[]): TimelineRow[] {
  return tasks
    .map((task, index) => ({ task, index }))
    .sort((a, b) => a.task.offsetDays - b.task.offsetDays || a.index - b.index)
    .map(({ task }) => ({
      date: task.dueDate ?? relativeDay(task.offsetDays),
      phase: PHASE_NAMES[task.phase],
      task: task.title,
      details: [
        task.description,
        task.lastCheck
          ? `Last check (${task.lastCheck.checkedAt.slice(0, 10)}): ${task.lastCheck.summary}`
          : '',
        task.notes.trim() ? `Notes: ${task.notes.trim()}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      required: task.importance === 'required' ? 'Required' : 'Recommended',
      status: STATUS_WORDS[task.status],
    }));
}

/** For a project without a cutover date: "21 days before cutover", "Cutover day". */
export function relativeDay(offsetDays: number): string {
  if (offsetDays === 0) return 'Cutover day';
  const days = Math.abs(offsetDays);
  return `${days} day${days === 1 ? '' : 's'} ${offsetDays < 0 ? 'before' : 'after'} cutover`;
}
