// The four phases of the playbook and when each starts, counted from the cutover day: one
// schedule for the playbook in main and the phase pages in the renderer.
import type { PlaybookPhase } from '../preload/contract.ts';

/** Where each phase starts: about 3 weeks before, 1 week before, the day, and after. */
export const PHASE_OFFSETS: Readonly<Record<PlaybookPhase, number>> = {
  prepare: -21,
  'pre-migrate': -7,
  cutover: 0,
  'post-migrate': 1,
};

export const PHASE_NAMES: Readonly<Record<PlaybookPhase, string>> = {
  prepare: 'Prepare',
  'pre-migrate': 'Pre-migrate',
  cutover: 'Cutover',
  'post-migrate': 'Post-migrate',
};
