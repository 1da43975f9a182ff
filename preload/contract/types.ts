// The shapes the API returns and the events it pushes: plain types (and the error codes), for
// main, the preload and the renderer alike.
import type { CertificateReport } from '../../shared/reports/certificate-report.ts';
import type { DnsReport } from '../../shared/reports/dns-report.ts';

export type { CertificateReport, DnsReport };

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
  /** An OAuth2 sign-in expired or was withdrawn (or never happened): the user signs in again. */
  | 'sign-in-again'
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
  | 'daily-upload-limit'
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
  /** How the mailboxes sign in: public facts only, never a secret, key or token. */
  signIn: ProfileSignIn;
}

/** What the UI may know of a server's sign-in: which app, and whether its secret is stored. */
export interface ProfileSignIn {
  /** password: each mailbox's own; user: each person signs in; app / delegation: the organisation's app. */
  method: 'password' | 'user' | 'app' | 'delegation';
  /** The preset provider of the sign-in, or null (passwords, or another provider's endpoints). */
  provider: 'google' | 'microsoft-365' | null;
  /** The OAuth2 issuer, or null for passwords. */
  issuer: string | null;
  /** Microsoft 365's directory (tenant domain or ID), or null. */
  tenant: string | null;
  clientId: string | null;
  /** Whether a client secret, certificate or service account key is stored (never the secret itself). */
  hasSecret: boolean;
  /** Whether the organisation's app signs in with a certificate rather than a client secret. */
  hasCertificate: boolean;
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
      /** Queued until then (ISO time): the new server's daily upload quota is used for today. */
      waitingUntil?: string;
    };

/** Payloads of events main pushes to the UI, keyed by event name. */
export interface EventPayloads {
  'job.progress': Progress;
  'log.line': LogLine;
  /** Open this sign-in page of the provider in the user's browser (`jobs.signInAccount`). */
  'signIn.open': { job: string; account: string; url: string };
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
