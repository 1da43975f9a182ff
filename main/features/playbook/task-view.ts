// A catalog task with what is stored for a project, dated from its cutover day, as the API
// returns it. Pure, so the dates and the delayed rule are tested on their own.
import type { PlaybookTask } from '../../../preload/contract.ts';
import type { StoredTask } from '../../infrastructure/store/playbook-repository.ts';
import type { CatalogTask } from './playbook-catalog.ts';
import { dueDate, effectiveStatus, isOverdue } from './task-status.ts';

export function taskView(
  entry: CatalogTask,
  stored: StoredTask | undefined,
  cutoverDate: string | null,
  today: string,
): PlaybookTask {
  const storedStatus = stored?.status ?? 'not-started';
  const due = dueDate(cutoverDate, entry.offsetDays);
  return {
    key: entry.key,
    phase: entry.phase,
    title: entry.title,
    description: entry.description,
    importance: entry.importance,
    offsetDays: entry.offsetDays,
    dueDate: due,
    status: effectiveStatus(storedStatus, due, today),
    storedStatus,
    overdue: isOverdue(storedStatus, due, today),
    notes: stored?.notes ?? '',
    completedAt: stored?.completedAt ?? null,
    updatedAt: stored?.updatedAt ?? null,
    check: entry.check,
    noticeKey: entry.noticeKey,
    lastCheck: stored?.lastCheck ?? null,
  };
}
