// The app calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import type { AppInfo } from './types.ts';

export const appCalls = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
} as const;
