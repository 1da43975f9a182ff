// What a task's status is when it is read: an overdue task says so by itself, while what the
// admin set is kept unchanged underneath.
import type { TaskStatus } from '../../../preload/contract.ts';
import { addDays } from './calendar-day.ts';

/** The due date of a task, or null while the project has no cutover date. */
export function dueDate(cutoverDate: string | null, offsetDays: number): string | null {
  return cutoverDate === null ? null : addDays(cutoverDate, offsetDays);
}

/** Overdue: the due day has passed (not on the day itself) and the task is not complete. */
export function isOverdue(stored: TaskStatus, due: string | null, today: string): boolean {
  return stored !== 'complete' && due !== null && due < today;
}

/** The status to show: `delayed` when overdue, else what was stored. */
export function effectiveStatus(stored: TaskStatus, due: string | null, today: string): TaskStatus {
  return isOverdue(stored, due, today) ? 'delayed' : stored;
}
