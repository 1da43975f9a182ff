// Numbers on the migration screen, in words people read at a glance: counts with separators,
// a rate, the time left, sizes and moments.

const NUMBER = new Intl.NumberFormat('en-US');
const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return NUMBER.format(Math.round(n));
}

/** "1 account", "3 accounts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Messages a second, with one decimal below 10: "0.4", "12". */
export function formatRate(perSecond: number | null): string | null {
  if (perSecond === null || !Number.isFinite(perSecond) || perSecond <= 0) return null;
  const value = perSecond < 10 ? perSecond.toFixed(1) : formatCount(perSecond);
  return `${value} messages a second`;
}

/** "about 3 minutes left", "less than a minute left", "about 2 hours 10 minutes left". */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${plural(minutes, 'minute')} left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${plural(hours, 'hour')}${rest ? ` ${plural(rest, 'minute')}` : ''} left`;
}

/** 0–100, for progress bars; a finished account with no messages counts as full. */
export function percent(done: number, total: number, finished = false): number {
  if (total <= 0) return finished ? 100 : 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

/** "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const TIME = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' });

/** When something ended: only the time when it is the same day as `since`. */
export function formatEnd(iso: string, since: string): string {
  const end = new Date(iso);
  const start = new Date(since);
  if (Number.isNaN(end.getTime())) return iso;
  return !Number.isNaN(start.getTime()) && DAY.format(end) === DAY.format(start)
    ? TIME.format(end)
    : DATE_TIME.format(end);
}

/** "Mar 4, 2030, 10:15 AM" in the reader's time zone; the raw text if it is not a moment. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}
