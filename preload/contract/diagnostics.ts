// The diagnostics calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { id, port, trimmed } from './fields.ts';
import type { DiagnosticSummary, StoredDiagnostic } from './types.ts';

export const diagnosticsCalls = {
  'diagnostics.checkServer': call<StoredDiagnostic>()(
    z
      .object({
        projectId: id('projectId').nullable().default(null),
        target: trimmed('server name or e-mail address', 320),
        ports: z
          .object({ imap: port, imaps: port, pop3: port, pop3s: port, submission: port, submissions: port })
          .partial()
          .strict()
          .default({}),
        resolver: z.string().trim().max(100).optional(),
        pinnedFingerprints: z
          .array(z.string().regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/))
          .max(20)
          .default([]),
      })
      .strict(),
  ),
  'diagnostics.checkDns': call<StoredDiagnostic>()(
    z
      .object({
        projectId: id('projectId').nullable().default(null),
        domain: trimmed('domain', 253),
        expectMx: z.string().trim().max(253).optional(),
        expectSpfInclude: z.string().trim().max(253).optional(),
        resolvers: z.array(z.string().trim().max(100)).max(10).optional(),
        authorities: z.array(z.string().trim().max(100)).max(10).optional(),
      })
      .strict(),
  ),
  'diagnostics.history': call<DiagnosticSummary[]>()(
    z
      .object({
        projectId: id('projectId').optional(),
        kind: z.enum(['certificate', 'dns']).optional(),
        target: z.string().trim().max(320).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
  ),
  'diagnostics.get': call<StoredDiagnostic>()(z.object({ id: id('id') }).strict()),
  'diagnostics.exportHtml': call<{ fileName: string; html: string }>()(z.object({ id: id('id') }).strict()),
} as const;
