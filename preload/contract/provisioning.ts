// The provisioning calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { projectId } from './fields.ts';
import type { HashImportResult, ProvisioningExport, ProvisioningSummary } from './types.ts';

export const provisioningCalls = {
  'provisioning.importHashes': call<HashImportResult>()(
    z
      .object({
        projectId,
        text: z
          .string({ error: 'the hash list must be text' })
          .max(5_000_000, { error: 'the list is too long' }),
        /** Left out: read from the first line. */
        format: z
          .enum(['shadow', 'passwd-file', 'csv'], { error: 'format is shadow, passwd-file or csv' })
          .optional(),
      })
      .strict(),
  ),
  'provisioning.summary': call<ProvisioningSummary>()(z.object({ projectId }).strict()),
  /** The only way a hash leaves main: inside the file, for the admin to upload. */
  'provisioning.exportCsv': call<ProvisioningExport>()(
    z
      .object({
        projectId,
        destinationKind: z.enum(['dovecot', 'google-workspace', 'microsoft-365', 'other-imap'], {
          error: 'destinationKind is dovecot, google-workspace, microsoft-365 or other-imap',
        }),
      })
      .strict(),
  ),
  'provisioning.forget': call<ProvisioningSummary>()(z.object({ projectId }).strict()),
} as const;
