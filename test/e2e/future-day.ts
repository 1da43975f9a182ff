// Days for the e2e tests that stay ahead of the calendar: a cutover on a Monday about a year
// from the day the tests run, so no due date ever passes into "delayed" as time goes by. The
// expected words come from Intl, not from the app's own formatting.
const DAY = 86_400_000;

/** YYYY-MM-DD of the first Monday at least 365 days after `now` (UTC). */
export function cutoverMonday(now = new Date()): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 365 * DAY);
  const toMonday = (8 - start.getUTCDay()) % 7;
  return new Date(start.getTime() + toMonday * DAY).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** "Monday, February 11, 2030". */
export function longDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** "Mon, Feb 11, 2030". */
export function shortDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
