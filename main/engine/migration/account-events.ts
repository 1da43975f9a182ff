import type { AccountStatus } from '../../../preload/contract.ts';
import type { NewLogLine } from '../../infrastructure/store/event-log.ts';
import type { FolderResultRow } from '../../infrastructure/store/job-repository.ts';

/** A line of an account's log (the job adds which job and account). */
export type AccountLogLine = Omit<NewLogLine, 'jobId' | 'projectId' | 'account'>;

export interface AccountProgress {
  status: AccountStatus;
  /** The folder being copied now. */
  folder: string | null;
  messagesDone: number;
  messagesTotal: number;
  bytesDone: number;
}

/**
 * What an account run tells the job, as plain data: an account run takes data in (spec,
 * credentials, a ledger view) and sends these out, so it could run in a worker or on another
 * machine without changing the copier.
 */
export type AccountEvent =
  | { type: 'log'; line: AccountLogLine }
  | { type: 'folder-done'; result: FolderResultRow }
  | { type: 'progress'; progress: AccountProgress };
