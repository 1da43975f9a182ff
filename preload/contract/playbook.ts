// The playbook calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { projectId, taskKey } from './fields.ts';
import type { PlaybookTask } from './types.ts';

export const playbookCalls = {
  'playbook.tasks': call<PlaybookTask[]>()(z.object({ projectId }).strict()),
  'playbook.update': call<PlaybookTask>()(
    z
      .object({
        projectId,
        key: taskKey,
        status: z
          .enum(['not-started', 'in-progress', 'complete', 'delayed'], {
            error: 'status is not-started, in-progress, complete or delayed',
          })
          .optional(),
        notes: z.string().max(20_000, { error: 'notes must be at most 20,000 characters' }).optional(),
      })
      .strict(),
  ),
  'playbook.runCheck': call<PlaybookTask>()(z.object({ projectId, key: taskKey }).strict()),
} as const;
