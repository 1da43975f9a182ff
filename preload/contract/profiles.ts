// The profiles calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { fingerprint, host, mailboxPorts, password, projectId, role } from './fields.ts';
import { signInRequest } from './sign-in-fields.ts';
import type { ServerProfile, ServerProfiles, StoredDiagnostic } from './types.ts';

export const profilesCalls = {
  'profiles.get': call<ServerProfiles>()(z.object({ projectId }).strict()),
  'profiles.save': call<ServerProfile>()(
    z
      .object({
        projectId,
        role,
        host,
        protocol: z.enum(['imap', 'imaps', 'pop3', 'pop3s', 'auto'], {
          error: 'protocol is imap, imaps, pop3, pop3s or auto',
        }),
        ports: mailboxPorts.default({}),
        allowPlaintext: z.boolean().default(false),
        /** Left out: unchanged. Null or empty: no admin login. */
        adminUser: z.string().trim().max(320).nullable().optional(),
        /** Write-only; left out: unchanged. */
        adminPassword: password.optional(),
        /** How the mailboxes sign in; its secrets are write-only. Left out: unchanged. */
        signIn: signInRequest.optional(),
      })
      .strict()
      .refine((args) => args.role === 'source' || args.protocol === 'imap' || args.protocol === 'imaps', {
        error: 'the new server is reached over IMAP: protocol is imap or imaps',
        path: ['protocol'],
      }),
  ),
  'profiles.trustCertificate': call<ServerProfile>()(
    z
      .object({
        projectId,
        role,
        /** Null forgets the trusted certificate. */
        fingerprint256: fingerprint,
      })
      .strict(),
  ),
  'profiles.testConnection': call<StoredDiagnostic>()(z.object({ projectId, role }).strict()),
} as const;
