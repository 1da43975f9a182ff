// The events calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { id } from './fields.ts';
import type { LogLine } from './types.ts';

export const eventsCalls = {
  'events.recent': call<LogLine[]>()(
    z
      .object({
        projectId: id('projectId').optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
} as const;
