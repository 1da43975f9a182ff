// When each phase of the playbook happens, counted from the cutover day the admin picks.
// Pure date arithmetic on calendar days (YYYY-MM-DD), so it is the same in every time zone.
import { addDays, daysBetween, parseIsoDay, toIsoDay } from '../../../../shared/calendar-day.ts';
import { PHASE_NAMES, PHASE_OFFSETS } from '../../../../shared/phases.ts';
import type { PlaybookPhase } from '../../../../preload/contract.ts';

export { addDays, daysBetween, parseIsoDay, toIsoDay };

export type PhaseId = PlaybookPhase;

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
    name: PHASE_NAMES['prepare'],
    offsetDays: PHASE_OFFSETS['prepare'],
    relative: 'About 3 weeks before cutover',
    shortRelative: '3 weeks before',
  },
  {
    id: 'pre-migrate',
    name: PHASE_NAMES['pre-migrate'],
    offsetDays: PHASE_OFFSETS['pre-migrate'],
    relative: 'About 1 week before cutover',
    shortRelative: '1 week before',
  },
  {
    id: 'cutover',
    name: PHASE_NAMES['cutover'],
    offsetDays: PHASE_OFFSETS['cutover'],
    relative: 'On the cutover day',
    shortRelative: 'Cutover day',
  },
  {
    id: 'post-migrate',
    name: PHASE_NAMES['post-migrate'],
    offsetDays: PHASE_OFFSETS['post-migrate'],
    relative: 'After the cutover day',
    shortRelative: 'After cutover',
  },
];

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
