// Calendar days as main needs them beyond shared/calendar-day.ts: today on this computer's
// calendar, and a day in words for notices.
import type { Clock } from '../../infrastructure/clock.ts';
import { addDays, parseIsoDay } from '../../../shared/calendar-day.ts';

export { addDays, parseIsoDay };

/**
 * Today on this computer's calendar: the admin's "today" decides what is overdue, not UTC's.
 * A time zone may be given for tests and for a consultant working for a customer abroad.
 */
export function today(clock: Clock, timeZone?: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(clock.now());
}

/** A day in words for people, e.g. "Monday, March 2, 2026" (never shifted by the time zone). */
export function dayInWords(day: string): string {
  const date = parseIsoDay(day);
  if (!date) throw new RangeError(`Not a calendar day: ${JSON.stringify(day)}`);
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
