// The argument schemas' building blocks: one definition of a port, a host name, a password…
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../shared/limits.ts';

export const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} must not be empty` })
    .max(max, { error: `${label} must be at most ${max} characters` });

export const id = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int()
    .positive({ error: `${label} must be positive` });

/** A calendar day, as the wizard computes due dates from it. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates are written YYYY-MM-DD' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: 'that day does not exist in the calendar',
    },
  );

export const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'a domain looks like example.com',
  });

export const password = z
  .string({ error: 'password must be text' })
  .min(1, { error: 'password must not be empty' })
  .max(MAX_PASSWORD_LENGTH, { error: `password is too long (at most ${MAX_PASSWORD_LENGTH} characters)` });

export const port = z.number().int().min(0).max(65535);
export const host = trimmed('server name', 253);
export const fingerprint = z
  .string()
  .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, {
    error: 'a SHA-256 fingerprint is 64 hexadecimal digits',
  })
  .nullable()
  .default(null);
export const jobName = trimmed('job name', 200);
export const projectId = id('projectId');
export const role = z.enum(['source', 'destination'], { error: 'role is "source" or "destination"' });
export const taskKey = z
  .string({ error: 'key must be text' })
  .regex(/^[a-z0-9-]{1,64}$/, { error: 'key names a playbook task, like "lower-mx-ttl"' });
export const noticeKey = z.enum(['three-weeks-before', 'one-week-before', 'cutover-day', 'after-cutover'], {
  error: 'key is three-weeks-before, one-week-before, cutover-day or after-cutover',
});
export const mailboxPorts = z.object({ imap: port, imaps: port, pop3: port, pop3s: port }).partial().strict();
