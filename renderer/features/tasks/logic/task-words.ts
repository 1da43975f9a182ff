// Words for playbook tasks: their status, how long ago a check ran, and where to fix what a
// check needs. Pure, so the unit tests cover them without a browser.
import type { ApiError, PlaybookTask, TaskStatus } from '../../../../preload/contract.ts';

export const STATUS_WORDS: Readonly<Record<TaskStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  delayed: 'Delayed',
};

export const STATUS_ORDER: readonly TaskStatus[] = ['not-started', 'in-progress', 'complete', 'delayed'];

/** "just now", "1 minute ago", "5 minutes ago", "2 hours ago", "3 days ago". */
export function describeAgo(at: string, now: Date): string {
  const then = Date.parse(at);
  if (Number.isNaN(then)) return '';
  const minutes = Math.floor((now.getTime() - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Why a task shows "Delayed" when the admin did not choose it. */
export function statusNote(task: PlaybookTask): string | null {
  if (task.overdue && task.status === 'delayed' && task.storedStatus !== 'delayed') {
    return 'Its due date has passed, so it counts as delayed until it is complete.';
  }
  return null;
}

/** Where the admin fixes what a check was missing, from the field the error names. */
export interface FixLink {
  /** A page of the nav (kept narrow so this module stays free of the store). */
  page: 'setup';
  label: string;
}

const FIXES: Readonly<Record<string, FixLink>> = {
  domains: { page: 'setup', label: 'Add the domain in Servers and accounts' },
  destination: { page: 'setup', label: 'Fill in the new server in Servers and accounts' },
  source: { page: 'setup', label: 'Fill in the old server in Servers and accounts' },
  accounts: { page: 'setup', label: 'Import the accounts in Servers and accounts' },
  cutoverDate: { page: 'setup', label: 'Set the cutover date in Servers and accounts' },
};

/** A check's error in words, with a link to where it is fixed when there is one. */
export function describeCheckError(error: ApiError): { message: string; fix: FixLink | null } {
  const field = error.field?.split('.')[0] ?? null;
  const fix = field !== null ? (FIXES[field] ?? null) : null;
  if (error.code === 'disconnected') {
    return { message: 'The app lost its connection to the check. Reload the page, then try again.', fix };
  }
  // Argument errors start with the call's name ("playbook.runCheck: key: …"); keep the reason.
  const message = error.message.replace(/^[a-z]+\.[a-zA-Z]+: (?:[\w.]+: )?/, '');
  return { message, fix };
}
