// The jobs calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { CONCURRENCY } from '../../shared/limits.ts';
import { fingerprint, host, id, jobName, password, port, trimmed } from './fields.ts';
import { signInRequest } from './sign-in-fields.ts';
import type { JobDetail, JobSummary, LogLine } from './types.ts';

export const jobsCalls = {
  'jobs.list': call<JobSummary[]>()(z.object({ projectId: id('projectId').optional() }).strict()),
  'jobs.get': call<JobDetail>()(z.object({ name: jobName }).strict()),
  'jobs.start': call<JobSummary>()(
    z
      .object({
        projectId: id('projectId').nullable().default(null),
        name: z.string().trim().max(200).optional(),
        source: z
          .object({
            host,
            protocol: z.enum(['imap', 'imaps', 'pop3', 'pop3s', 'auto'], {
              error: 'protocol is imap, imaps, pop3, pop3s or auto',
            }),
            ports: z
              .object({ imap: port, imaps: port, pop3: port, pop3s: port })
              .partial()
              .strict()
              .default({}),
            allowPlaintext: z.boolean().default(false),
            trustedFingerprint: fingerprint,
            signIn: signInRequest.optional(),
          })
          .strict(),
        destination: z
          .object({
            host,
            protocol: z.enum(['imap', 'imaps'], { error: 'protocol is imap or imaps' }).default('imaps'),
            port: port.optional(),
            allowPlaintext: z.boolean().default(false),
            trustedFingerprint: fingerprint,
            adminUser: z.string().trim().max(320).nullable().default(null),
            adminPassword: password.nullable().default(null),
            /** Bytes the new server takes into one mailbox a day (Gmail: about 500 MB). */
            dailyUploadBytes: z
              .number()
              .int()
              .positive({ error: 'the daily upload limit must be a whole number of bytes above 0' })
              .nullable()
              .default(null),
            signIn: signInRequest.optional(),
          })
          .strict(),
        users: z.string().max(2_000_000, {
          error: 'the users list is over 2,000,000 characters; split it into several jobs',
        }),
        delimiter: z.string().length(1).optional(),
        skip: z.string().max(100_000).default(''),
        translate: z.string().max(100_000).default(''),
        translateDelimiter: z.string().length(1).optional(),
        concurrency: z.number().int().min(CONCURRENCY.min).max(CONCURRENCY.max).default(CONCURRENCY.default),
      })
      .strict(),
  ),
  'jobs.retry': call<JobSummary>()(z.object({ name: jobName }).strict()),
  'jobs.cancel': call<JobSummary>()(z.object({ name: jobName }).strict()),
  /** Stops after the messages in flight; the job is paused, to be resumed with retry. */
  'jobs.pause': call<JobSummary>()(z.object({ name: jobName }).strict()),
  /** Every account again, copying only what arrived since: the catch-up after a pre-copy. */
  'jobs.copyAgain': call<JobSummary>()(z.object({ name: jobName }).strict()),
  'jobs.log': call<LogLine[]>()(z.object({ name: jobName, account: z.string().optional() }).strict()),
  'jobs.startForProject': call<JobSummary>()(
    z
      .object({
        projectId: id('projectId'),
        name: z.string().trim().max(200).optional(),
        accountIds: z.array(id('accountIds')).max(500).optional(),
        skip: z.string().max(100_000).default(''),
        translate: z.string().max(100_000).default(''),
        translateDelimiter: z.string().length(1).optional(),
        concurrency: z.number().int().min(CONCURRENCY.min).max(CONCURRENCY.max).default(CONCURRENCY.default),
      })
      .strict(),
  ),
  'jobs.setAccountPassword': call<JobSummary>()(
    z
      .object({
        name: jobName,
        account: trimmed('account', 320),
        side: z.enum(['source', 'destination'], { error: 'side is "source" or "destination"' }),
        password,
      })
      .strict(),
  ),
  /**
   * One account signs in in the browser (a side whose users each sign in; the side may be left
   * out when only one side does): main sends the provider's address as a `signIn.open` event,
   * and answers once the sign-in is stored.
   */
  'jobs.signInAccount': call<JobSummary>()(
    z
      .object({
        name: jobName,
        account: trimmed('account', 320),
        side: z.enum(['source', 'destination'], { error: 'side is "source" or "destination"' }).optional(),
      })
      .strict(),
  ),
} as const;
