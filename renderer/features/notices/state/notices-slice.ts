// The user notices: only the notices page shows them, so the page keeps the templates and
// these actions only make the calls.
import type { CallArgs, CutoverApi } from '../../../../preload/contract.ts';
import type { Answer } from '../../../app/slice-types.ts';

export interface NoticesState {
  loadNoticeTemplates(projectId: number): Answer<'notices.templates'>;
  saveNotice(args: CallArgs<'notices.save'>): Answer<'notices.save'>;
  /** Back to the original text. */
  resetNotice(args: CallArgs<'notices.reset'>): Answer<'notices.reset'>;
  /** The saved notice filled in for one account, or for everyone (`accountId` null). */
  previewNotice(args: CallArgs<'notices.preview'>): Answer<'notices.preview'>;
  /** One draft per account. */
  renderNotices(args: CallArgs<'notices.render'>): Answer<'notices.render'>;
}

export function createNoticesSlice(api: CutoverApi): NoticesState {
  return {
    loadNoticeTemplates: (projectId) => api.notices.templates({ projectId }),
    saveNotice: (args) => api.notices.save(args),
    resetNotice: (args) => api.notices.reset(args),
    previewNotice: (args) => api.notices.preview(args),
    renderNotices: (args) => api.notices.render(args),
  };
}
