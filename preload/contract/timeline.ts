// The timeline calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { projectId } from './fields.ts';
import type { ExportedFile } from './types.ts';

export const timelineCalls = {
  'timeline.export': call<ExportedFile>()(
    z.object({ projectId, format: z.enum(['html', 'csv'], { error: 'format is html or csv' }) }).strict(),
  ),
} as const;
