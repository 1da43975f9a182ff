// Calendar days (YYYY-MM-DD) as the playbook dates tasks: whole days, the same in every time
// zone, so a due date never moves with daylight saving time. Pure, for main and the renderer.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads a calendar day as UTC midnight; null when the text is not a day that exists. */
export function parseIsoDay(day: string): Date | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return toIsoDay(date) === day ? date : null;
}

/** Formats a UTC midnight as YYYY-MM-DD. */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after (before, when negative) a calendar day. */
export function addDays(day: string, days: number): string {
  const date = parseIsoDay(day);
  if (!date) throw new RangeError(`Not a calendar day: ${JSON.stringify(day)}`);
  return toIsoDay(new Date(date.getTime() + days * DAY_MS));
}

/** Whole days from `today` to `day` (negative when `day` has passed). */
export function daysBetween(today: string, day: string): number {
  const from = parseIsoDay(today);
  const to = parseIsoDay(day);
  if (!from || !to) throw new RangeError('Both days must be calendar days (YYYY-MM-DD).');
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
