// Shows calendar days to people. Days are stored as YYYY-MM-DD; these helpers never shift
// them by the local time zone.
import { parseIsoDay, toIsoDay } from './phase-schedule.ts';

const LONG = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const SHORT = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Monday, March 2, 2026" (in the reader's locale); the raw text if it is not a day. */
export function formatLongDay(day: string): string {
  const date = parseIsoDay(day);
  return date ? LONG.format(date) : day;
}

/** "Mon, Mar 2, 2026", for lists and the nav. */
export function formatShortDay(day: string): string {
  const date = parseIsoDay(day);
  return date ? SHORT.format(date) : day;
}

/** Today on the reader's own calendar, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return toIsoDay(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** "in 12 days", "tomorrow", "today", "3 days ago". */
export function describeDistance(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
