// When each phase of the playbook happens, counted from the cutover day the admin picks.
// Pure date arithmetic on calendar days (YYYY-MM-DD), so it is the same in every time zone.

export type PhaseId = 'prepare' | 'pre-migrate' | 'cutover' | 'post-migrate';

export interface PhaseTiming {
  id: PhaseId;
  name: string;
  /** Days from the cutover day to the day the phase starts (negative: before). */
  offsetDays: number;
  /** How the playbook says it, for when there is no cutover date yet. */
  relative: string;
  /** The same, short enough for the nav. */
  shortRelative: string;
}

/** The four phases, in the order they are done. */
export const PHASES: readonly PhaseTiming[] = [
  {
    id: 'prepare',
    name: 'Prepare',
    offsetDays: -21,
    relative: 'About 3 weeks before cutover',
    shortRelative: '3 weeks before',
  },
  {
    id: 'pre-migrate',
    name: 'Pre-migrate',
    offsetDays: -7,
    relative: 'About 1 week before cutover',
    shortRelative: '1 week before',
  },
  {
    id: 'cutover',
    name: 'Cutover',
    offsetDays: 0,
    relative: 'On the cutover day',
    shortRelative: 'Cutover day',
  },
  {
    id: 'post-migrate',
    name: 'Post-migrate',
    offsetDays: 1,
    relative: 'After the cutover day',
    shortRelative: 'After cutover',
  },
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads a calendar day; null when the text is not a day that exists. */
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

/** The day `days` after (or before, when negative) a calendar day. */
export function addDays(day: string, days: number): string {
  const date = parseIsoDay(day);
  if (!date) throw new RangeError(`Not a calendar day: ${JSON.stringify(day)}`);
  return toIsoDay(new Date(date.getTime() + days * DAY_MS));
}

/** The day a phase starts, or null when the project has no (valid) cutover date yet. */
export function phaseStartDay(phase: PhaseTiming, cutoverDay: string | null): string | null {
  if (cutoverDay === null || parseIsoDay(cutoverDay) === null) return null;
  return addDays(cutoverDay, phase.offsetDays);
}

/** Looks a phase up by id; phase ids come from this module, so a miss is a programming error. */
export function phaseById(id: PhaseId): PhaseTiming {
  const phase = PHASES.find((p) => p.id === id);
  if (!phase) throw new Error(`Unknown phase ${id}`);
  return phase;
}

/** Whole days from `today` to `day` (negative when `day` has passed). */
export function daysBetween(today: string, day: string): number {
  const from = parseIsoDay(today);
  const to = parseIsoDay(day);
  if (!from || !to) throw new RangeError('Both days must be calendar days (YYYY-MM-DD).');
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
