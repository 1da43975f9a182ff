// The aliases calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { id, projectId } from './fields.ts';
import type { AccountImportResult, AliasInventory } from './types.ts';

export const aliasesCalls = {
  'aliases.inventory': call<AliasInventory>()(z.object({ projectId }).strict()),
  'aliases.import': call<AccountImportResult>()(
    z.object({ projectId, text: z.string({ error: 'the aliases must be text' }).max(2_000_000) }).strict(),
  ),
  'aliases.remove': call<AliasInventory>()(z.object({ aliasId: id('aliasId') }).strict()),
} as const;
