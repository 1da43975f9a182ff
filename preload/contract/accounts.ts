// The accounts calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { id, password, projectId, trimmed } from './fields.ts';
import type { Account, AccountImportResult } from './types.ts';

export const accountsCalls = {
  'accounts.list': call<Account[]>()(z.object({ projectId: id('projectId') }).strict()),
  'accounts.add': call<Account>()(
    z
      .object({
        projectId: id('projectId'),
        username: trimmed('username', 320),
        password: password.optional(),
        localUsername: z.string().trim().max(320).optional(),
        localPassword: password.optional(),
      })
      .strict(),
  ),
  'accounts.setPassword': call<Account>()(
    z
      .object({
        accountId: id('accountId'),
        side: z.enum(['source', 'destination'], { error: 'side is "source" or "destination"' }),
        password,
      })
      .strict(),
  ),
  'accounts.import': call<AccountImportResult>()(
    z
      .object({
        projectId,
        text: z.string({ error: 'the accounts must be text' }).max(2_000_000),
        delimiter: z.string().length(1, { error: 'the delimiter is one character' }).optional(),
      })
      .strict(),
  ),
  'accounts.remove': call<{ removed: true }>()(z.object({ accountId: id('accountId') }).strict()),
} as const;
