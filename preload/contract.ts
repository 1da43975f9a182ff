// The API contract between the UI and main: every call (request → response) and every
// pushed event, in one place. Main validates arguments with these schemas; the renderer
// imports only the types (`import type`), so zod never reaches the browser bundle.
import { CONCURRENCY, MAX_PASSWORD_LENGTH } from '../shared/limits.ts';
import { z } from 'zod';
import type { CertificateReport } from '../shared/reports/certificate-report.ts';
import type { DnsReport } from '../shared/reports/dns-report.ts';

export type { CertificateReport, DnsReport };

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} must not be empty` })
    .max(max, { error: `${label} must be at most ${max} characters` });

const id = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int()
    .positive({ error: `${label} must be positive` });

/** A calendar day, as the wizard computes due dates from it. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates are written YYYY-MM-DD' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: 'that day does not exist in the calendar',
    },
  );

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'a domain looks like example.com',
  });

const password = z
  .string({ error: 'password must be text' })
  .min(1, { error: 'password must not be empty' })
  .max(MAX_PASSWORD_LENGTH, { error: `password is too long (at most ${MAX_PASSWORD_LENGTH} characters)` });

const port = z.number().int().min(0).max(65535);
const host = trimmed('server name', 253);
const fingerprint = z
  .string()
  .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, {
    error: 'a SHA-256 fingerprint is 64 hexadecimal digits',
  })
  .nullable()
  .default(null);
const jobName = trimmed('job name', 200);
const projectId = id('projectId');
const role = z.enum(['source', 'destination'], { error: 'role is "source" or "destination"' });
const taskKey = z
  .string({ error: 'key must be text' })
  .regex(/^[a-z0-9-]{1,64}$/, { error: 'key names a playbook task, like "lower-mx-ttl"' });
const noticeKey = z.enum(['three-weeks-before', 'one-week-before', 'cutover-day', 'after-cutover'], {
  error: 'key is three-weeks-before, one-week-before, cutover-day or after-cutover',
});
const mailboxPorts = z.object({ imap: port, imaps: port, pop3: port, pop3s: port }).partial().strict();

/** Schemas for the arguments of every call, keyed by call name. */
export const callSchemas = {
  'app.info': z.object({}).strict(),
  'projects.list': z.object({}).strict(),
  'projects.get': z.object({ projectId: id('projectId') }).strict(),
  'projects.create': z
    .object({
      name: trimmed('project name', 200),
      customer: z.string().trim().max(200).default(''),
      domains: z.array(domain).max(100).default([]),
      cutoverDate: isoDay.nullable().default(null),
    })
    .strict(),
  'projects.rename': z.object({ projectId: id('projectId'), name: trimmed('project name', 200) }).strict(),
  'projects.delete': z.object({ projectId: id('projectId') }).strict(),
  'projects.update': z
    .object({
      projectId,
      customer: z.string().trim().max(200).optional(),
      domains: z.array(domain).max(100).optional(),
      cutoverDate: isoDay.nullable().optional(),
    })
    .strict(),
  'accounts.list': z.object({ projectId: id('projectId') }).strict(),
  'accounts.add': z
    .object({
      projectId: id('projectId'),
      username: trimmed('username', 320),
      password: password.optional(),
      localUsername: z.string().trim().max(320).optional(),
      localPassword: password.optional(),
    })
    .strict(),
  'accounts.setPassword': z
    .object({
      accountId: id('accountId'),
      side: z.enum(['source', 'destination'], { error: 'side is "source" or "destination"' }),
      password,
    })
    .strict(),
  'accounts.import': z
    .object({
      projectId,
      text: z.string({ error: 'the accounts must be text' }).max(2_000_000),
      delimiter: z.string().length(1, { error: 'the delimiter is one character' }).optional(),
    })
    .strict(),
  'accounts.remove': z.object({ accountId: id('accountId') }).strict(),
  'aliases.inventory': z.object({ projectId }).strict(),
  'aliases.import': z
    .object({ projectId, text: z.string({ error: 'the aliases must be text' }).max(2_000_000) })
    .strict(),
  'aliases.remove': z.object({ aliasId: id('aliasId') }).strict(),
  'provisioning.importHashes': z
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
  'provisioning.summary': z.object({ projectId }).strict(),
  'provisioning.exportCsv': z
    .object({
      projectId,
      destinationKind: z.enum(['dovecot', 'google-workspace', 'microsoft-365', 'other-imap'], {
        error: 'destinationKind is dovecot, google-workspace, microsoft-365 or other-imap',
      }),
    })
    .strict(),
  'provisioning.forget': z.object({ projectId }).strict(),
  'profiles.get': z.object({ projectId }).strict(),
  'profiles.save': z
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
    })
    .strict()
    .refine((args) => args.role === 'source' || args.protocol === 'imap' || args.protocol === 'imaps', {
      error: 'the new server is reached over IMAP: protocol is imap or imaps',
      path: ['protocol'],
    }),
  'profiles.trustCertificate': z
    .object({
      projectId,
      role,
      /** Null forgets the trusted certificate. */
      fingerprint256: fingerprint,
    })
    .strict(),
  'profiles.testConnection': z.object({ projectId, role }).strict(),
  'playbook.tasks': z.object({ projectId }).strict(),
  'playbook.update': z
    .object({
      projectId,
      key: taskKey,
      status: z
        .enum(['not-started', 'in-progress', 'complete', 'delayed'], {
          error: 'status is not-started, in-progress, complete or delayed',
        })
        .optional(),
      notes: z.string().max(20_000, { error: 'notes must be at most 20,000 characters' }).optional(),
    })
    .strict(),
  'playbook.runCheck': z.object({ projectId, key: taskKey }).strict(),
  'timeline.export': z
    .object({ projectId, format: z.enum(['html', 'csv'], { error: 'format is html or csv' }) })
    .strict(),
  'notices.templates': z.object({ projectId: projectId.optional() }).strict(),
  'notices.save': z
    .object({
      projectId,
      key: noticeKey,
      subject: trimmed('subject', 500),
      body: z
        .string()
        .trim()
        .min(1, { error: 'the notice needs a text' })
        .max(100_000, { error: 'the text must be at most 100,000 characters' }),
    })
    .strict(),
  'notices.reset': z.object({ projectId, key: noticeKey }).strict(),
  'notices.render': z
    .object({
      projectId,
      key: noticeKey,
      format: z.literal('eml', { error: 'format is eml' }),
      /** The sender shown in the drafts; left out, the mail program fills it in. */
      from: z.email({ error: 'from is an e-mail address like it@example.com' }).optional(),
    })
    .strict(),
  'notices.preview': z
    .object({
      projectId,
      key: noticeKey,
      /** Null: the general text for everyone. */
      accountId: id('accountId').nullable().default(null),
    })
    .strict(),
  'jobs.list': z.object({ projectId: id('projectId').optional() }).strict(),
  'jobs.get': z.object({ name: jobName }).strict(),
  'jobs.start': z
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
        })
        .strict(),
      users: z
        .string()
        .max(2_000_000, { error: 'the users list is over 2,000,000 characters; split it into several jobs' }),
      delimiter: z.string().length(1).optional(),
      skip: z.string().max(100_000).default(''),
      translate: z.string().max(100_000).default(''),
      translateDelimiter: z.string().length(1).optional(),
      concurrency: z.number().int().min(CONCURRENCY.min).max(CONCURRENCY.max).default(CONCURRENCY.default),
    })
    .strict(),
  'jobs.retry': z.object({ name: jobName }).strict(),
  'jobs.cancel': z.object({ name: jobName }).strict(),
  'jobs.pause': z.object({ name: jobName }).strict(),
  'jobs.copyAgain': z.object({ name: jobName }).strict(),
  'jobs.log': z.object({ name: jobName, account: z.string().optional() }).strict(),
  'jobs.startForProject': z
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
  'jobs.setAccountPassword': z
    .object({
      name: jobName,
      account: trimmed('account', 320),
      side: z.enum(['source', 'destination'], { error: 'side is "source" or "destination"' }),
      password,
    })
    .strict(),
  'diagnostics.checkServer': z
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
  'diagnostics.checkDns': z
    .object({
      projectId: id('projectId').nullable().default(null),
      domain: trimmed('domain', 253),
      expectMx: z.string().trim().max(253).optional(),
      expectSpfInclude: z.string().trim().max(253).optional(),
      resolvers: z.array(z.string().trim().max(100)).max(10).optional(),
      authorities: z.array(z.string().trim().max(100)).max(10).optional(),
    })
    .strict(),
  'diagnostics.history': z
    .object({
      projectId: id('projectId').optional(),
      kind: z.enum(['certificate', 'dns']).optional(),
      target: z.string().trim().max(320).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    })
    .strict(),
  'diagnostics.get': z.object({ id: id('id') }).strict(),
  'diagnostics.exportHtml': z.object({ id: id('id') }).strict(),
  'events.recent': z
    .object({
      projectId: id('projectId').optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    })
    .strict(),
} as const;

export type CallName = keyof typeof callSchemas;
/** What a caller passes (defaults may be left out). */
export type CallArgs<N extends CallName> = z.input<(typeof callSchemas)[N]>;
/** What a handler receives after validation (defaults filled in). */
export type ValidCallArgs<N extends CallName> = z.output<(typeof callSchemas)[N]>;

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  databasePath: string;
  secretStorage: string;
}

export interface ProjectSummary {
  id: number;
  name: string;
  customer: string;
  cutoverDate: string | null;
  accountCount: number;
  updatedAt: string;
}

export interface Project extends ProjectSummary {
  domains: string[];
  createdAt: string;
}

/** An account as the UI sees it: passwords are write-only, so only their presence shows. */
export interface Account {
  id: number;
  projectId: number;
  username: string;
  localUsername: string;
  hasSourcePassword: boolean;
  hasDestinationPassword: boolean;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogLine {
  id: number;
  at: string;
  level: LogLevel;
  projectId: number | null;
  jobId: number | null;
  account: string | null;
  folder: string | null;
  code: string | null;
  message: string;
}

export type JobStatus = 'queued' | 'running' | 'paused' | 'done' | 'partial' | 'failed' | 'cancelled';

export interface JobSummary {
  id: number;
  name: string;
  projectId: number | null;
  status: JobStatus;
  running: boolean;
  sourceHost: string;
  destinationHost: string;
  createdAt: string;
  finishedAt: string | null;
  accounts: Record<AccountStatus, number>;
}

/**
 * Why an account, a folder or a message did not copy: one vocabulary from the engine to the
 * screen. The renderer has words for every code (a missing one fails the build).
 */
export type MigrationErrorCode =
  | 'source-auth-failed'
  | 'destination-auth-failed'
  | 'timeout'
  | 'connection-dropped'
  | 'host-not-found'
  | 'connection-refused'
  | 'certificate-untrusted'
  | 'certificate-mismatch'
  | 'starttls-unavailable'
  | 'wrong-protocol'
  | 'over-quota'
  | 'message-too-large'
  | 'message-refused'
  | 'throttled'
  | 'folder-failed'
  | 'cancelled'
  | 'job-busy'
  | 'mailbox-taken-over'
  | 'nothing-to-read'
  | 'internal';

export interface FolderResult {
  sourceFolder: string;
  destinationFolder: string;
  messagesTotal: number;
  copied: number;
  skipped: number;
  failed: number;
  status: 'queued' | 'running' | 'done' | 'partial' | 'failed' | 'skipped';
  errorCode: MigrationErrorCode | null;
  errorMessage: string | null;
}

export interface JobAccountResult {
  username: string;
  localUsername: string;
  status: AccountStatus;
  errorCode: MigrationErrorCode | null;
  errorMessage: string | null;
  messagesTotal: number;
  copied: number;
  skipped: number;
  failed: number;
  bytes: number;
  folders: FolderResult[];
}

export interface JobDetail extends JobSummary {
  accountResults: JobAccountResult[];
}

export type DiagnosticKind = 'certificate' | 'dns';

/** One stored check, for lists and "checked 5 minutes ago". */
export interface DiagnosticSummary {
  id: number;
  projectId: number | null;
  kind: DiagnosticKind;
  target: string;
  checkedAt: string;
  verdict: string;
  problemsFound: boolean;
  headline: string;
}

export interface StoredDiagnostic extends DiagnosticSummary {
  report: CertificateReport | DnsReport;
}

/** The two servers of a project: where mail comes from, and where it goes. */
export type ServerRole = 'source' | 'destination';

/** A server profile as the UI sees it: the admin password is write-only, so only its presence shows. */
export interface ServerProfile {
  role: ServerRole;
  host: string;
  protocol: 'imap' | 'imaps' | 'pop3' | 'pop3s' | 'auto';
  /** Every port, defaults filled in; 0 disables one. */
  ports: { imap: number; imaps: number; pop3: number; pop3s: number };
  allowPlaintext: boolean;
  /** SHA-256 of a certificate the admin trusts for this server only. */
  pinnedFingerprint: string | null;
  adminUser: string | null;
  hasAdminPassword: boolean;
}

export interface ServerProfiles {
  source: ServerProfile | null;
  destination: ServerProfile | null;
}

/** One bad line of an accounts import; `line` is 1-based (0: the whole text). */
export interface LineError {
  line: number;
  message: string;
}

/** What an import did; with errors it did nothing at all. */
export interface AccountImportResult {
  added: number;
  updated: number;
  errors: LineError[];
}

/** An alias and where it delivers, with what to check before cutover. */
export interface Alias {
  id: number;
  address: string;
  targets: string[];
  /** Plain-words things to check: a target that is no mailbox here, forwarding outside. */
  notes: string[];
}

/** The project's addresses: every alias, and each domain with its mailboxes and aliases. */
export interface AliasInventory {
  aliases: Alias[];
  domains: Array<{ domain: string; mailboxes: number; aliases: number; inProject: boolean }>;
}

/** How an old password hash was made, as Cutover recognises it in an imported hash list. */
export type HashScheme =
  | 'des-crypt'
  | 'md5-crypt'
  | 'sha256-crypt'
  | 'sha512-crypt'
  | 'bcrypt'
  | 'yescrypt'
  | 'argon2'
  | 'ssha'
  | 'ssha256'
  | 'ssha512'
  | 'smd5'
  | 'sha1'
  | 'sha256'
  | 'sha512'
  | 'md5';
/** /etc/shadow, a Dovecot passwd-file, or `user,hash` CSV. */
export type HashListFormat = 'shadow' | 'passwd-file' | 'csv';
/** The kind of new service the users are created on. */
export type DestinationKind = 'dovecot' | 'google-workspace' | 'microsoft-365' | 'other-imap';
/** yes: its bulk import takes the scheme; no: it cannot; ask: it depends on the server, ask. */
export type HashAcceptance = 'yes' | 'no' | 'ask';

/** One scheme found among the project's imported hashes, with plain words about it. */
export interface HashSchemeCount {
  scheme: HashScheme;
  /** e.g. "MD5-crypt". */
  label: string;
  strength: 'strong' | 'fair' | 'weak';
  description: string;
  count: number;
}

/** What one kind of new service takes, scheme by scheme, and how many accounts could go there. */
export interface DestinationHashSupport {
  kind: DestinationKind;
  label: string;
  /** The file Cutover writes for it, in words; null when it takes no hashes at all. */
  fileDescription: string | null;
  /** Where the answer comes from and what to check before relying on it. */
  note: string;
  /** Every scheme Cutover knows, in the order of HashScheme. */
  schemes: Array<{ scheme: HashScheme; acceptance: HashAcceptance; note: string | null }>;
  /** Accounts with a hash it takes (or may take: "ask"). */
  exportable: number;
}

/** The project's imported hashes as the UI sees them: schemes and counts, never a hash. */
export interface ProvisioningSummary {
  accounts: number;
  withHash: number;
  /** Only the schemes present, most accounts first. */
  schemes: HashSchemeCount[];
  /** Usernames of the project's accounts that have no imported hash. */
  accountsWithoutHash: string[];
  destinations: DestinationHashSupport[];
  /** When the newest hash was imported; null when there is none. */
  importedAt: string | null;
}

/** A line of a hash list that was not used, and why in words; `line` is 1-based. */
export interface HashListLine {
  line: number;
  username: string;
  reason: string;
}

/** What an import of hashes did; with errors it stored nothing at all. */
export interface HashImportResult {
  /** How the list was read. */
  format: HashListFormat;
  /** Accounts whose hash was stored (or replaced). */
  stored: number;
  errors: LineError[];
  /** Lines with a hash for a user the project does not have. */
  unmatched: HashListLine[];
  /** Lines for the project's accounts that have no password to carry over (locked, disabled). */
  skipped: HashListLine[];
  /** Lines for other users without a password either, such as system accounts. */
  ignored: number;
  summary: ProvisioningSummary;
}

/** A bulk-provisioning file for one kind of new service, and whom it leaves out. */
export interface ProvisioningExport extends ExportedFile {
  destinationKind: DestinationKind;
  /** Accounts in the file. */
  included: number;
  /** Accounts not in it: no hash imported, or one this service does not take. */
  leftOut: Array<{ username: string; reason: string }>;
}

export type PlaybookPhase = 'prepare' | 'pre-migrate' | 'cutover' | 'post-migrate';
/** `delayed` is also what an overdue task reports by itself. */
export type TaskStatus = 'not-started' | 'in-progress' | 'complete' | 'delayed';
/** What completes a task when a machine can tell. */
export type TaskCheckKind =
  | 'dns-ttl-record'
  | 'dns-ttl-lower'
  | 'destination-logins'
  | 'dns-mx-points'
  | 'dns-propagation'
  | 'dns-srv'
  | 'jobs-done';
export type NoticeKey = 'three-weeks-before' | 'one-week-before' | 'cutover-day' | 'after-cutover';

/** One DNS record to publish, as a zone-file line and its parts. */
export interface SrvRecordAdvice {
  domain: string;
  /** e.g. `_imaps._tcp.example.com`. */
  name: string;
  /** `priority weight port target`, e.g. `0 1 993 mail.example.net`. */
  value: string;
  /** e.g. `_imaps._tcp.example.com. 3600 IN SRV 0 1 993 mail.example.net.` */
  zoneLine: string;
  /** What the domain's authoritative servers have now at that name. */
  found: string[];
  status: 'present' | 'missing' | 'different';
}

/** Per-account outcome of the destination login test. */
export interface LoginTestResult {
  accountId: number;
  username: string;
  /** The destination mailbox tested. */
  localUsername: string;
  /** How it logged in: the account's own password, or the admin on its behalf. */
  method: 'destination-password' | 'source-password' | 'admin' | 'none';
  ok: boolean;
  /** A migration error code (destination-auth-failed, certificate-untrusted…) or no-password. */
  errorCode: string | null;
  message: string;
}

/** A domain's TTLs as a TTL check read them from its authoritative servers. */
export interface TtlFacts {
  domain: string;
  mxHosts: string[];
  mxTtl: number | null;
  /** The highest MX TTL the "Record current TTLs" task noted: how long old answers can linger. */
  recordedMxTtl: number | null;
  mailHosts: Array<{ host: string; ttl: number | null }>;
  error: string | null;
}

/** A domain's MX as an MX check found it, server by server. */
export interface MxFacts {
  domain: string;
  mxHosts: string[];
  /** Servers giving the destination's MX, of those that answered. */
  agreeing: number;
  answered: number;
  /** Servers still giving another answer. */
  lagging: string[];
  /** Servers that did not answer. */
  silent: string[];
  /** Every server asked, authoritative ones first. Absent in results stored before it was kept. */
  servers?: MxServerAnswer[];
  /** The highest MX TTL "Record the current TTLs" noted: how long old answers may linger. */
  recordedMxTtl?: number | null;
}

/** One DNS server's MX answer, as the propagation table shows it. */
export interface MxServerAnswer {
  /** e.g. "ns1.example.com (192.0.2.1:53)", "Quad9 (9.9.9.9:53)". */
  label: string;
  address: string;
  role: 'authoritative' | 'resolver';
  /** The MX records it gave ("10 mx.example.net"); empty: none; null: it did not answer. */
  answer: string[] | null;
  /** new: only the destination's MX; old: anything else; no-answer: an error or a timeout. */
  verdict: 'new' | 'old' | 'no-answer';
  /** The TTL it gave, in seconds: how long it (and caches behind it) may keep this answer. */
  ttl: number | null;
  /** Why it did not answer. */
  error: string | null;
}

/** What a check found, by kind; kept with the task. */
export type TaskCheckDetails =
  | { kind: 'dns-ttl-record' | 'dns-ttl-lower'; domains: TtlFacts[] }
  | { kind: 'dns-mx-points' | 'dns-propagation'; expectedMx: string; domains: MxFacts[] }
  | { kind: 'dns-srv'; records: SrvRecordAdvice[] }
  | { kind: 'destination-logins'; host: string; accounts: LoginTestResult[] }
  | {
      kind: 'jobs-done';
      jobs: Array<{ name: string; status: JobStatus; failed: number; partial: number }>;
      /** The project's accounts that no job has copied completely yet (absent in older results). */
      accountsNotCopied?: string[];
    };

/** The last run of a task's check. `warn`: the task is done, but not as the playbook advises. */
export interface TaskCheckResult {
  checkedAt: string;
  outcome: 'pass' | 'warn' | 'fail';
  summary: string;
  /** The stored diagnostics behind it (DNS checks), for the detailed report. */
  diagnosticIds: number[];
  details: TaskCheckDetails;
}

/** A playbook task with its dates and status for one project. */
export interface PlaybookTask {
  key: string;
  phase: PlaybookPhase;
  title: string;
  description: string;
  importance: 'required' | 'recommended';
  /** Days from the cutover day (negative: before). */
  offsetDays: number;
  /** Null until the project has a cutover date. */
  dueDate: string | null;
  /** What the UI shows: `delayed` when overdue and not complete. */
  status: TaskStatus;
  /** What the admin set (or a passing check). */
  storedStatus: TaskStatus;
  overdue: boolean;
  notes: string;
  completedAt: string | null;
  updatedAt: string | null;
  check: { kind: TaskCheckKind; label: string } | null;
  /** The user notice this task sends, if any. */
  noticeKey: NoticeKey | null;
  lastCheck: TaskCheckResult | null;
}

/** A file the UI offers to save. */
export interface ExportedFile {
  fileName: string;
  content: string;
}

/** A field a notice may use, written `{{name}}` in its text. */
export interface MergeField {
  name: string;
  description: string;
}

export interface NoticeTemplate {
  key: NoticeKey;
  /** e.g. "3 weeks before cutover". */
  label: string;
  offsetDays: number;
  subject: string;
  body: string;
  /** Changed for this project (false: the default text). */
  edited: boolean;
}

/** A notice filled in for one person, or for everyone, as text to paste into a mail program. */
export interface NoticePreview {
  /** Null: the general text, with "everyone" for the person's name. */
  accountId: number | null;
  /** The person's address; null for the general text. */
  to: string | null;
  subject: string;
  body: string;
}

export interface NoticeTemplates {
  templates: NoticeTemplate[];
  fields: MergeField[];
}

/** The result type of every call, keyed by call name. */
export interface CallResults {
  'app.info': AppInfo;
  'projects.list': ProjectSummary[];
  'projects.get': Project;
  'projects.create': Project;
  'projects.rename': Project;
  'projects.delete': { deleted: true };
  'projects.update': Project;
  'accounts.list': Account[];
  'accounts.add': Account;
  'accounts.setPassword': Account;
  'accounts.import': AccountImportResult;
  'accounts.remove': { removed: true };
  'aliases.inventory': AliasInventory;
  'aliases.import': AccountImportResult;
  'aliases.remove': AliasInventory;
  'provisioning.importHashes': HashImportResult;
  'provisioning.summary': ProvisioningSummary;
  'provisioning.exportCsv': ProvisioningExport;
  'provisioning.forget': ProvisioningSummary;
  'profiles.get': ServerProfiles;
  'profiles.save': ServerProfile;
  'profiles.trustCertificate': ServerProfile;
  'profiles.testConnection': StoredDiagnostic;
  'playbook.tasks': PlaybookTask[];
  'playbook.update': PlaybookTask;
  'playbook.runCheck': PlaybookTask;
  'timeline.export': ExportedFile;
  'notices.templates': NoticeTemplates;
  'notices.save': NoticeTemplate;
  'notices.reset': NoticeTemplate;
  'notices.render': ExportedFile[];
  'notices.preview': NoticePreview;
  'jobs.list': JobSummary[];
  'jobs.get': JobDetail;
  'jobs.start': JobSummary;
  'jobs.retry': JobSummary;
  'jobs.cancel': JobSummary;
  'jobs.pause': JobSummary;
  'jobs.copyAgain': JobSummary;
  'jobs.log': LogLine[];
  'jobs.startForProject': JobSummary;
  'jobs.setAccountPassword': JobSummary;
  'diagnostics.checkServer': StoredDiagnostic;
  'diagnostics.checkDns': StoredDiagnostic;
  'diagnostics.history': DiagnosticSummary[];
  'diagnostics.get': StoredDiagnostic;
  'diagnostics.exportHtml': { fileName: string; html: string };
  'events.recent': LogLine[];
}

export type AccountStatus = 'queued' | 'running' | 'done' | 'partial' | 'failed';

/** Progress is a tagged union of numbers; the UI chooses the words. `runId` tells runs apart. */
export type Progress =
  | {
      kind: 'job';
      runId: string;
      jobId: number;
      /** 'running' while the run lasts; the final event of a run carries its outcome. */
      status: JobStatus;
      running: boolean;
      accountsDone: number;
      accountsTotal: number;
      messagesDone: number;
      messagesTotal: number;
      bytesDone: number;
      ratePerSecond: number;
      etaSeconds: number | null;
    }
  | {
      kind: 'account';
      runId: string;
      jobId: number;
      account: string;
      status: AccountStatus;
      /** The folder being copied now; null once the account is no longer running. */
      folder: string | null;
      messagesDone: number;
      messagesTotal: number;
      bytesDone: number;
    };

/** Payloads of events main pushes to the UI, keyed by event name. */
export interface EventPayloads {
  'job.progress': Progress;
  'log.line': LogLine;
}
export type EventName = keyof EventPayloads;

/** Stable codes the UI maps to words and actions. */
export const errorCodes = [
  'invalid-arguments',
  'unknown-call',
  'untrusted-sender',
  'not-found',
  'already-exists',
  'disconnected',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Which argument was wrong, as a path like `domains.1`, for invalid-arguments. */
  field?: string;
}

/** Errors must survive IPC and WebSocket alike, so calls never reject: they return this. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type Invoke = <N extends CallName>(name: N, args: CallArgs<N>) => Promise<Result<CallResults[N]>>;
export type Subscribe = <E extends EventName>(
  name: E,
  listener: (payload: EventPayloads[E]) => void,
) => () => void;

/** The named functions the renderer sees on `window.cutover`. */
export interface CutoverApi {
  app: { info(): Promise<Result<AppInfo>> };
  projects: {
    list(): Promise<Result<ProjectSummary[]>>;
    get(args: CallArgs<'projects.get'>): Promise<Result<Project>>;
    create(args: CallArgs<'projects.create'>): Promise<Result<Project>>;
    rename(args: CallArgs<'projects.rename'>): Promise<Result<Project>>;
    delete(args: CallArgs<'projects.delete'>): Promise<Result<{ deleted: true }>>;
    update(args: CallArgs<'projects.update'>): Promise<Result<Project>>;
  };
  accounts: {
    list(args: CallArgs<'accounts.list'>): Promise<Result<Account[]>>;
    add(args: CallArgs<'accounts.add'>): Promise<Result<Account>>;
    setPassword(args: CallArgs<'accounts.setPassword'>): Promise<Result<Account>>;
    import(args: CallArgs<'accounts.import'>): Promise<Result<AccountImportResult>>;
    remove(args: CallArgs<'accounts.remove'>): Promise<Result<{ removed: true }>>;
  };
  /** The inventory of aliases and domains that move with the mailboxes. */
  aliases: {
    inventory(args: CallArgs<'aliases.inventory'>): Promise<Result<AliasInventory>>;
    import(args: CallArgs<'aliases.import'>): Promise<Result<AccountImportResult>>;
    remove(args: CallArgs<'aliases.remove'>): Promise<Result<AliasInventory>>;
  };
  /** Creating the same users on the new service with their old password hashes. */
  provisioning: {
    importHashes(args: CallArgs<'provisioning.importHashes'>): Promise<Result<HashImportResult>>;
    summary(args: CallArgs<'provisioning.summary'>): Promise<Result<ProvisioningSummary>>;
    /** The only way a hash leaves main: inside the file, for the admin to upload. */
    exportCsv(args: CallArgs<'provisioning.exportCsv'>): Promise<Result<ProvisioningExport>>;
    forget(args: CallArgs<'provisioning.forget'>): Promise<Result<ProvisioningSummary>>;
  };
  profiles: {
    get(args: CallArgs<'profiles.get'>): Promise<Result<ServerProfiles>>;
    save(args: CallArgs<'profiles.save'>): Promise<Result<ServerProfile>>;
    trustCertificate(args: CallArgs<'profiles.trustCertificate'>): Promise<Result<ServerProfile>>;
    testConnection(args: CallArgs<'profiles.testConnection'>): Promise<Result<StoredDiagnostic>>;
  };
  playbook: {
    tasks(args: CallArgs<'playbook.tasks'>): Promise<Result<PlaybookTask[]>>;
    update(args: CallArgs<'playbook.update'>): Promise<Result<PlaybookTask>>;
    runCheck(args: CallArgs<'playbook.runCheck'>): Promise<Result<PlaybookTask>>;
  };
  timeline: {
    export(args: CallArgs<'timeline.export'>): Promise<Result<ExportedFile>>;
  };
  notices: {
    templates(args: CallArgs<'notices.templates'>): Promise<Result<NoticeTemplates>>;
    save(args: CallArgs<'notices.save'>): Promise<Result<NoticeTemplate>>;
    reset(args: CallArgs<'notices.reset'>): Promise<Result<NoticeTemplate>>;
    render(args: CallArgs<'notices.render'>): Promise<Result<ExportedFile[]>>;
    preview(args: CallArgs<'notices.preview'>): Promise<Result<NoticePreview>>;
  };
  jobs: {
    list(args: CallArgs<'jobs.list'>): Promise<Result<JobSummary[]>>;
    get(args: CallArgs<'jobs.get'>): Promise<Result<JobDetail>>;
    start(args: CallArgs<'jobs.start'>): Promise<Result<JobSummary>>;
    retry(args: CallArgs<'jobs.retry'>): Promise<Result<JobSummary>>;
    cancel(args: CallArgs<'jobs.cancel'>): Promise<Result<JobSummary>>;
    /** Stops after the messages in flight; the job is paused, to be resumed with retry. */
    pause(args: CallArgs<'jobs.pause'>): Promise<Result<JobSummary>>;
    /** Every account again, copying only what arrived since: the catch-up after a pre-copy. */
    copyAgain(args: CallArgs<'jobs.copyAgain'>): Promise<Result<JobSummary>>;
    log(args: CallArgs<'jobs.log'>): Promise<Result<LogLine[]>>;
    startForProject(args: CallArgs<'jobs.startForProject'>): Promise<Result<JobSummary>>;
    setAccountPassword(args: CallArgs<'jobs.setAccountPassword'>): Promise<Result<JobSummary>>;
  };
  diagnostics: {
    checkServer(args: CallArgs<'diagnostics.checkServer'>): Promise<Result<StoredDiagnostic>>;
    checkDns(args: CallArgs<'diagnostics.checkDns'>): Promise<Result<StoredDiagnostic>>;
    history(args: CallArgs<'diagnostics.history'>): Promise<Result<DiagnosticSummary[]>>;
    get(args: CallArgs<'diagnostics.get'>): Promise<Result<StoredDiagnostic>>;
    exportHtml(args: CallArgs<'diagnostics.exportHtml'>): Promise<Result<{ fileName: string; html: string }>>;
  };
  events: {
    recent(args: CallArgs<'events.recent'>): Promise<Result<LogLine[]>>;
    onProgress(listener: (progress: Progress) => void): () => void;
    onLogLine(listener: (line: LogLine) => void): () => void;
  };
}

/** Every call name, for the transports that register one handler per call. */
export const callNames = Object.keys(callSchemas) as CallName[];
/** Every event name, for the transports that forward events. */
