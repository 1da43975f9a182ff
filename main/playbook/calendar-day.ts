// Calendar days (YYYY-MM-DD) as the playbook dates tasks: whole days, the same in every time
// zone, so a due date never moves with daylight saving time.
import type { Clock } from '../clock.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads a calendar day as UTC midnight; null when the text is not a day that exists. */
export function parseIsoDay(day: string): Date | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === day ? date : null;
}

/** The day `days` after (before, when negative) a calendar day. */
export function addDays(day: string, days: number): string {
  const date = parseIsoDay(day);
  if (!date) throw new RangeError(`Not a calendar day: ${JSON.stringify(day)}`);
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

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
