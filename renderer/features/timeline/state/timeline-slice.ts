// The timeline's export; its tasks are the playbook's (features/tasks/state/playbook-slice.ts).
import type { CutoverApi } from '../../../../preload/contract.ts';
import type { Answer } from '../../../app/slice-types.ts';

export interface TimelineState {
  exportTimeline(projectId: number, format: 'html' | 'csv'): Answer<'timeline.export'>;
}

export function createTimelineSlice(api: CutoverApi): TimelineState {
  return { exportTimeline: (projectId, format) => api.timeline.export({ projectId, format }) };
}
