// The notices calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { id, noticeKey, projectId, trimmed } from './fields.ts';
import type { ExportedFile, NoticePreview, NoticeTemplate, NoticeTemplates } from './types.ts';

export const noticesCalls = {
  'notices.templates': call<NoticeTemplates>()(z.object({ projectId: projectId.optional() }).strict()),
  'notices.save': call<NoticeTemplate>()(
    z
      .object({
        projectId,
        key: noticeKey,
        subject: trimmed('subject', 500),
        body: z
          .string()
          .trim()
          .min(1, { error: 'the notice needs a text' })
          .max(100_000, { error: 'the text must be at most 100,000 characters' }),
      })
      .strict(),
  ),
  'notices.reset': call<NoticeTemplate>()(z.object({ projectId, key: noticeKey }).strict()),
  'notices.render': call<ExportedFile[]>()(
    z
      .object({
        projectId,
        key: noticeKey,
        format: z.literal('eml', { error: 'format is eml' }),
        /** The sender shown in the drafts; left out, the mail program fills it in. */
        from: z.email({ error: 'from is an e-mail address like it@example.com' }).optional(),
      })
      .strict(),
  ),
  'notices.preview': call<NoticePreview>()(
    z
      .object({
        projectId,
        key: noticeKey,
        /** Null: the general text for everyone. */
        accountId: id('accountId').nullable().default(null),
      })
      .strict(),
  ),
} as const;
