import type { UploadDayRepository } from '../../infrastructure/store/upload-day-repository.ts';
import { formatBytes } from './format-bytes.ts';
import { MigrationError } from './migration-error.ts';

/**
 * A destination that takes at most so many bytes a day into one mailbox (Gmail's IMAP upload
 * limit): what fits today is stored, and the account waits for the next day for the rest.
 */
export interface DailyUploadLimit {
  readonly limitBytes: number;
  /** Of messages of these sizes, in order, how many fit in what is left of today's allowance. */
  fitting(sizes: readonly number[]): number;
  stored(bytes: number): void;
  /** What is left today, in bytes. */
  leftToday(): number;
  /** The error that makes the account wait: today's allowance is used. */
  usedUp(): MigrationError;
}

export function dailyUploadLimit(options: {
  limitBytes: number;
  /** The destination mailbox (mailboxIdentity), which the limit is for. */
  account: string;
  uploads: UploadDayRepository;
  now(): Date;
}): DailyUploadLimit {
  const { limitBytes, account, uploads } = options;
  const today = () => dayOf(options.now());
  const leftToday = () => Math.max(0, limitBytes - uploads.uploaded(account, today()));
  return {
    limitBytes,
    fitting(sizes) {
      // A message larger than a whole day's allowance goes alone, first thing on a new day.
      const fresh = uploads.uploaded(account, today()) === 0;
      let left = leftToday();
      let count = 0;
      for (const size of sizes) {
        if (size > left && !(fresh && count === 0)) break;
        left -= size;
        count += 1;
      }
      return count;
    },
    stored: (bytes) => uploads.add(account, today(), bytes),
    leftToday,
    usedUp() {
      const resumeAt = nextDay(options.now());
      return new MigrationError(
        'daily-upload-limit',
        `The new server takes at most ${formatBytes(limitBytes)} a day into this mailbox, and today's is used; Cutover waits for tomorrow's quota and continues by itself on ${dayOf(resumeAt)} at 00:00.`,
        { side: 'destination', transient: true, resumeAt },
      );
    },
  };
}

/** The calendar day on this computer's clock, "2026-11-24". */
export function dayOf(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** Midnight at the start of the next calendar day, on this computer's clock. */
export function nextDay(at: Date): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1);
}

/**
 * The log line before an account's copy starts: about how much is left to copy (the source
 * folders' sizes less what the ledger holds) and over how many days the limit spreads it.
 */
export function uploadPlanMessage(
  folderSizes: ReadonlyArray<number | undefined>,
  bytesRecorded: number,
  limit: DailyUploadLimit,
): string {
  const quota = `the new server takes at most ${formatBytes(limit.limitBytes)} a day into this mailbox`;
  if (folderSizes.some((size) => size === undefined))
    return `The old server does not say how large this mailbox is; ${quota}, and Cutover waits for each day's quota by itself.`;
  const toCopy = Math.max(0, folderSizes.reduce<number>((sum, size) => sum + size!, 0) - bytesRecorded);
  const today = limit.leftToday();
  const days = toCopy <= today ? 1 : 1 + Math.ceil((toCopy - today) / limit.limitBytes);
  const when =
    days === 1
      ? 'which fits in what is left of today’s quota'
      : `so this takes ${days} days (today and ${days - 1} more)`;
  return `About ${formatBytes(toCopy)} to copy; ${quota}, ${when}. Cutover waits for each day's quota by itself.`;
}
