import type { ImapFlow } from 'imapflow';
import type { ConnectionOptions } from 'node:tls';
import type { LedgerRepository } from '../../infrastructure/store/ledger-repository.ts';
import type { FolderResultRow } from '../../infrastructure/store/job-repository.ts';
import type { AccountEvent, AccountLogLine } from './account-events.ts';
import type { Credential } from './credential.ts';
import { imapLogin, pop3Login } from './login.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { SecretReader } from './login.ts';
import { DEFAULT_IMAP_TIMEOUTS, openImap } from '../../infrastructure/protocols/imap/open-imap.ts';
import type { ByteBudget } from './byte-budget.ts';
import type { JobSpec } from '../../../shared/job-spec.ts';
import type { SkipEntry, Translation } from '../../../shared/job-input/index.ts';
import { planFolders } from './folder-mapping/index.ts';
import type { FolderInfo } from './folder-mapping/index.ts';
import { copyFolder } from './folder-copier.ts';
import { inLanes, lanesWorthOpening, openLanes } from './folder-lanes.ts';
import { unchangedByListing } from './sync-mode.ts';
import type { FolderLane } from './folder-lanes.ts';
import type { DestinationMailbox } from './destination-folder.ts';
import { imapSourceFolder } from './imap-source-folder.ts';
import { pop3SourceFolder } from './pop3-source-folder.ts';
import type { Pop3Session } from './pop3-source-folder.ts';
import { destinationEndpoint, mailboxIdentity, sourceEndpoints } from './endpoints.ts';
import { imapDestination } from './imap-destination/imap-destination.ts';
import { onSide, sideOfError } from './server-side.ts';
import { classifyError, MigrationError } from './migration-error.ts';
import type { ErrorContext } from './migration-error.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { nextTry } from './next-try.ts';
import { skippedFolderWords } from './skipped-folder-words.ts';
import { keysOfSkippedFolders } from './archived-mail.ts';
import { uploadPlanMessage } from './daily-upload-limit.ts';
import type { DailyUploadLimit } from './daily-upload-limit.ts';
import { throttleReplyOf } from './throttle-reply.ts';

export interface AccountCredentials {
  username: string;
  localUsername: string;
  source: Credential;
  /** The destination login: the account's own password, or an admin acting for it. */
  destination: Credential;
}

export interface AccountRunContext {
  spec: JobSpec;
  credentials: AccountCredentials;
  /** Decrypts a credential's secret, at the moment of login only (login.ts). */
  secrets: SecretReader;
  /** OAuth2 access tokens, fetched (and renewed) at the moment of login. */
  tokens: AccessTokens;
  skip: SkipEntry[];
  translations: Translation[];
  ledger: LedgerRepository;
  budget: ByteBudget;
  batchBytes: number;
  retry: RetryPolicy;
  signal: AbortSignal;
  /** TLS options per side for the next attempt (pinned certificates). */
  tls(): Promise<{ source?: ConnectionOptions; destination?: ConnectionOptions }>;
  openPop3(
    endpoint: NonNullable<ReturnType<typeof sourceEndpoints>['pop3']>,
    user: string,
    password: string,
  ): Promise<Pop3Session>;
  /** Throws when this run may no longer write into the destination mailbox (its claim was lost). */
  beforeWrite(): void;
  /** Names the certificate's hosts and fingerprint in a certificate error (the CLI's --trust). */
  explainCertificate(error: MigrationError): Promise<MigrationError>;
  /** Everything the run reports: log lines, each folder's result, progress. */
  emit(event: AccountEvent): void;
  sleep(ms: number): Promise<void>;
  random(): number;
  /** The destination's daily upload limit for this mailbox (Gmail), or null for none. */
  uploads?: DailyUploadLimit | null;
}

export interface AccountOutcome {
  /** 'waiting': today's upload allowance is used; `error.resumeAt` says when to go on. */
  status: 'done' | 'partial' | 'failed' | 'waiting';
  copied: number;
  skipped: number;
  failed: number;
  total: number;
  bytes: number;
  error: MigrationError | null;
}

/**
 * Migrates one mailbox: every folder the plan names, resuming after dropped connections with
 * back-off. Messages already copied are never copied again (ledger and destination checks).
 */
export async function runAccount(ctx: AccountRunContext): Promise<AccountOutcome> {
  let lastError: MigrationError;
  // What earlier attempts copied: a failed account still says what it did copy.
  const progress: AttemptProgress = { copied: 0, bytes: 0, total: 0 };
  let attemptsWithoutProgress = 0;
  let waitedWithoutProgress = 0;
  for (;;) {
    const before = progress.copied;
    try {
      const outcome = await runOnce(ctx, progress);
      const copied = progress.copied;
      return {
        ...outcome,
        copied,
        skipped: Math.max(0, outcome.total - copied - outcome.failed),
        bytes: progress.bytes,
      };
    } catch (error) {
      const explained = error instanceof MigrationError;
      lastError = explained ? error : classifyError(error, sideOf(error, ctx));
      if (
        !explained &&
        (lastError.code === 'certificate-untrusted' || lastError.code === 'certificate-mismatch')
      ) {
        lastError = await ctx.explainCertificate(lastError);
      }
      if (lastError.code === 'daily-upload-limit' && !ctx.signal.aborted) {
        log(ctx, { level: 'info', code: lastError.code, message: lastError.message });
        const { copied, total, bytes } = progress;
        return { status: 'waiting', copied, skipped: 0, failed: 0, total, bytes, error: lastError };
      }
      // Stopped while a dropped connection was being retried: interrupted, not failed.
      if (lastError.transient && ctx.signal.aborted) lastError = stoppedError();
      if (!lastError.transient || ctx.signal.aborted) break;
      if (progress.copied > before) {
        attemptsWithoutProgress = 0;
        waitedWithoutProgress = 0;
      }
      attemptsWithoutProgress += 1;
      if (
        attemptsWithoutProgress >= ctx.retry.attempts &&
        waitedWithoutProgress >= (ctx.retry.giveUpAfterMs ?? 0)
      )
        break;
      const { delay, message } = nextTry(ctx.retry, lastError, attemptsWithoutProgress, ctx.random());
      waitedWithoutProgress += delay;
      log(ctx, { level: 'warn', code: lastError.code, message });
      await ctx.sleep(delay);
      if (ctx.signal.aborted) {
        lastError = stoppedError();
        break;
      }
    }
  }
  // Logged once, by the job, with what was copied before it stopped.
  return {
    status: 'failed',
    copied: progress.copied,
    skipped: 0,
    failed: 0,
    total: progress.total,
    bytes: progress.bytes,
    error: lastError,
  };
}

/** Messages and bytes copied over every attempt of one account, kept as they land. */
interface AttemptProgress {
  copied: number;
  bytes: number;
  total: number;
  /** The days a daily upload limit spreads the copy over were told (on the first attempt). */
  planTold?: boolean;
}

function stoppedError(): MigrationError {
  return new MigrationError('cancelled', 'The job was stopped; run it again to continue.');
}

function sideOf(error: unknown, ctx: AccountRunContext): ErrorContext {
  const side = sideOfError(error) ?? 'source';
  const spec = side === 'source' ? ctx.spec.source : ctx.spec.destination;
  const credential = ctx.credentials[side];
  const endpoints = sourceEndpoints(ctx.spec.source);
  const port =
    side === 'source' ? (endpoints.imap?.port ?? endpoints.pop3?.port ?? 0) : ctx.spec.destination.port;
  return {
    side,
    host: spec.host,
    port,
    user: side === 'source' ? ctx.credentials.username : ctx.credentials.localUsername,
    signIn: credential.kind,
    ownSignIn: credential.kind === 'oauth2' && credential.grant.type === 'refresh-token',
  };
}

async function runOnce(ctx: AccountRunContext, progress: AttemptProgress): Promise<AccountOutcome> {
  const tls = await ctx.tls();
  const endpoints = sourceEndpoints(ctx.spec.source, tls.source);
  // Never "done" having read nothing: a job whose every source port is off copies nothing.
  if (!endpoints.imap && !endpoints.pop3) {
    throw new MigrationError(
      'nothing-to-read',
      `Nothing can be read from the old server: every port the job's protocol (${ctx.spec.source.protocol}) uses is switched off (0). Start the job again with a port for it.`,
    );
  }
  const { username, localUsername } = ctx.credentials;
  const clients: Array<{ close(): Promise<void> }> = [];
  // A lane still logging in when the attempt ends is closed once it has.
  let lanes: ReturnType<typeof openLanes> = [];
  try {
    // Both servers at once: a login costs several round trips.
    const openSource = () =>
      onSide('source', async () =>
        openImap(
          endpoints.imap!,
          await imapLogin(ctx.credentials.source, ctx.secrets, ctx.tokens),
          DEFAULT_IMAP_TIMEOUTS,
          { qresync: true },
        ),
      );
    const openDestination = () =>
      onSide('destination', async () =>
        openImap(
          destinationEndpoint(ctx.spec.destination, tls.destination),
          await imapLogin(ctx.credentials.destination, ctx.secrets, ctx.tokens),
        ),
      );
    // Each connection is closed at the end of the attempt, whichever of the others failed.
    const tracked = <T extends ImapFlow | Pop3Session>(opening: Promise<T>) =>
      opening.then((client) => (clients.push(closerOf(client)), client));
    const loginsStarted = performance.now();
    const [sourceImap, pop3, destinationClient] = await inOrder([
      endpoints.imap ? tracked(openSource()) : null,
      endpoints.pop3
        ? tracked(
            onSide('source', () => {
              const login = pop3Login(ctx.credentials.source, ctx.secrets);
              return ctx.openPop3(endpoints.pop3!, login.user, login.password);
            }),
          )
        : null,
      tracked(openDestination()),
    ] as const);
    // How long both logins took (each several round trips): how far away the servers are.
    const loginsMs = performance.now() - loginsStarted;
    const destination = imapDestination(destinationClient);
    if (endpoints.imap?.security === 'plain' || endpoints.pop3?.security === 'plain') {
      log(ctx, {
        level: 'warn',
        code: 'plaintext-allowed',
        message:
          'The job allows plain text on the old server: if it offers no STARTTLS, the password crosses the network unencrypted.',
      });
    }

    // Each folder's counters come with the listing (LIST-STATUS where the server has it).
    const [sourceFolders, destinationFolders]: [FolderInfo[], FolderInfo[]] = await Promise.all([
      sourceImap
        ? onSide('source', () =>
            sourceImap.list({
              statusQuery: {
                messages: true,
                uidNext: true,
                uidValidity: true,
                highestModseq: true,
                ...(ctx.uploads ? { size: true } : {}),
              },
            }),
          )
        : [],
      destination.folders(),
    ]);
    if (pop3 && !sourceFolders.some((f) => f.path.toUpperCase() === 'INBOX')) {
      sourceFolders.unshift({
        path: 'INBOX',
        name: 'INBOX',
        delimiter: sourceFolders[0]?.delimiter ?? '/',
        flags: new Set(),
        specialUse: '\\Inbox',
      });
    }
    const plan = planFolders({
      source: sourceFolders,
      destination: destinationFolders,
      skip: ctx.skip,
      translations: ctx.translations,
    });
    for (const skipped of plan.skipped) {
      const message = skippedFolderWords(skipped);
      if (message !== null) log(ctx, { level: 'info', folder: skipped.source, message });
    }
    const sourceStatus = new Map(sourceFolders.map((f) => [f.path, f.status]));
    // A folder created below was not in the listing: it has no counters, and is opened.
    const destinationStatus = new Map(destinationFolders.map((f) => [f.path, f.status]));
    const isPop3Inbox = (path: string) => pop3 !== null && path.toUpperCase() === 'INBOX';
    const pairingOf = (entry: (typeof plan.entries)[number]) => ({
      sourceAccount: mailboxIdentity(ctx.spec.source.host, username),
      sourceFolder: entry.source,
      destinationAccount: mailboxIdentity(ctx.spec.destination.host, localUsername),
      destinationFolder: entry.destination,
    });
    const synced = plan.entries
      .filter((entry) => !isPop3Inbox(entry.source))
      .map((entry) => ({ entry, saved: ctx.ledger.syncState(pairingOf(entry)) }));
    // Messages of the folders this account copies for the first time (nothing synced yet)…
    const firstCopies = synced
      .filter(({ saved }) => saved === null)
      .map(({ entry }) => sourceStatus.get(entry.source)?.messages ?? 0)
      .filter((messages) => messages > 0);
    // …and the folders synced before that the listings show changed since (new mail, flags).
    const changedSince = synced.filter(
      ({ entry, saved }) =>
        saved !== null &&
        !unchangedByListing(saved, {
          source: sourceStatus.get(entry.source),
          destination: destinationStatus.get(entry.destination),
        }),
    ).length;
    lanes = openLanes({
      first: { source: sourceImap, destination },
      count: sourceImap === null ? 1 : lanesWorthOpening(firstCopies, changedSince, loginsMs),
      open: async () => {
        const [second, secondDestination] = await inOrder([
          tracked(openSource()),
          tracked(openDestination()),
        ]);
        // imapflow LISTs a folder it has not seen listed before opening it: one LIST now instead.
        await Promise.all([
          onSide('source', () => second.list()),
          onSide('destination', () => secondDestination.list()),
        ]);
        return { source: second, destination: imapDestination(secondDestination) };
      },
    });
    if (ctx.uploads && !progress.planTold) {
      progress.planTold = true;
      const sizes = plan.entries
        .filter((entry) => !entry.archivedOnly && !isPop3Inbox(entry.source))
        .map((entry) => sourceStatus.get(entry.source)?.size);
      const recorded = ctx.ledger.bytesRecorded(
        mailboxIdentity(ctx.spec.source.host, username),
        mailboxIdentity(ctx.spec.destination.host, localUsername),
      );
      log(ctx, { level: 'info', message: uploadPlanMessage(sizes, recorded, ctx.uploads) });
    }
    // Each folder is created by the lane that first copies into it, just before: the folders'
    // CREATEs and SUBSCRIBEs (two round trips each) do not hold up the first copy.
    const creating = new Map<string, Promise<void>>();
    const create = (path: string, mailbox: DestinationMailbox): Promise<void> => {
      let pending = creating.get(path);
      if (!pending) {
        pending = (async () => {
          ctx.beforeWrite();
          await mailbox.create(path);
          log(ctx, {
            level: 'info',
            folder: path,
            message: `Created the folder "${path}" on the new server.`,
          });
        })();
        creating.set(path, pending);
      }
      return pending;
    };
    const createFor = async (destinationPath: string, mailbox: DestinationMailbox) => {
      for (const path of plan.createBefore.get(destinationPath) ?? []) await create(path, mailbox);
    };

    const totals = new Map<string, number>();
    for (const entry of plan.entries)
      if (!isPop3Inbox(entry.source)) totals.set(entry.source, sourceStatus.get(entry.source)?.messages ?? 0);
    const sum = { copied: 0, skipped: 0, failed: 0, total: 0, bytes: 0 };
    const grandTotal = () => [...totals.values()].reduce((a, b) => a + b, 0);
    // Folders being copied now (one per lane), their counts so far.
    const inFlight = new Map<string, { done: number; bytes: number; copied: number }>();
    const copiedBefore = progress.copied;
    const bytesBefore = progress.bytes;
    const report = (folder: string) => {
      const now = [...inFlight.values()].reduce(
        (a, f) => ({ done: a.done + f.done, bytes: a.bytes + f.bytes, copied: a.copied + f.copied }),
        { done: 0, bytes: 0, copied: 0 },
      );
      progress.copied = copiedBefore + sum.copied + now.copied;
      progress.bytes = bytesBefore + sum.bytes + now.bytes;
      progress.total = Math.max(progress.total, grandTotal());
      ctx.emit({
        type: 'progress',
        progress: {
          status: 'running',
          folder,
          messagesDone: sum.copied + sum.skipped + sum.failed + now.done,
          messagesTotal: grandTotal(),
          bytesDone: sum.bytes + now.bytes,
        },
      });
    };
    let partial = false;
    // For Gmail's All Mail: mail another folder holds but could not copy (too large, refused) is
    // reported there, not tried again as archived mail; a skipped label's mail stays behind.
    const notCopied = new Set<string>();
    let leftOut = new Set<string>();

    const copyOne = async (entry: (typeof plan.entries)[number], lane: FolderLane) => {
      const base = { sourceFolder: entry.source, destinationFolder: entry.destination };
      for (const note of entry.notes) log(ctx, { level: 'info', folder: entry.source, message: note });
      inFlight.set(entry.source, { done: 0, bytes: 0, copied: 0 });
      try {
        await createFor(entry.destination, lane.destination);
        const outcome = await copyFolder({
          source: isPop3Inbox(entry.source)
            ? pop3SourceFolder(pop3!)
            : imapSourceFolder(lane.source!, entry.source),
          destination: lane.destination.folder(entry.destination),
          pairing: pairingOf(entry),
          ledger: ctx.ledger,
          budget: ctx.budget,
          batchBytes: ctx.batchBytes,
          signal: lane.signal,
          beforeWrite: ctx.beforeWrite,
          uploads: ctx.uploads ?? null,
          onProgress: (done, total, bytes, copied) => {
            totals.set(entry.source, total);
            inFlight.set(entry.source, { done, bytes, copied });
            report(entry.source);
          },
          onMessageFailed: (failure) => {
            notCopied.add(failure.key);
            log(ctx, { level: 'warn', folder: entry.source, code: failure.code, message: failure.message });
          },
          ...(entry.archivedOnly
            ? {
                inOtherFolders: () =>
                  new Set([...ctx.ledger.keysOfOtherFolders(pairingOf(entry)), ...notCopied, ...leftOut]),
              }
            : {}),
          listed: isPop3Inbox(entry.source)
            ? undefined
            : {
                source: sourceStatus.get(entry.source),
                destination: destinationStatus.get(entry.destination),
              },
        });
        inFlight.delete(entry.source);
        sum.copied += outcome.copied;
        sum.skipped += outcome.skipped;
        sum.failed += outcome.failed;
        sum.total += outcome.total;
        sum.bytes += outcome.bytes;
        if (outcome.failed > 0) partial = true;
        folderDone(ctx, {
          ...base,
          messagesTotal: outcome.total,
          copied: outcome.copied,
          skipped: outcome.skipped,
          failed: outcome.failed,
          status: outcome.failed > 0 ? 'partial' : 'done',
          errorCode: null,
          errorMessage: null,
        });
        log(ctx, {
          level: outcome.failed > 0 ? 'warn' : 'info',
          folder: entry.source,
          message: folderSummary(entry.source, entry.destination, outcome),
        });
      } catch (error) {
        // What landed before the folder failed or the connection dropped still counts.
        const copiedSoFar = inFlight.get(entry.source);
        inFlight.delete(entry.source);
        sum.copied += copiedSoFar?.copied ?? 0;
        sum.bytes += copiedSoFar?.bytes ?? 0;
        const failure = folderLevelFailure(error);
        if (!failure) throw error;
        partial = true;
        folderDone(ctx, {
          ...base,
          messagesTotal: totals.get(entry.source) ?? 0,
          copied: 0,
          skipped: 0,
          failed: 0,
          status: 'failed',
          errorCode: 'folder-failed',
          errorMessage: failure,
        });
        log(ctx, {
          level: 'error',
          folder: entry.source,
          code: 'folder-failed',
          message: `The folder "${entry.source}" could not be copied: ${failure}`,
        });
      }
    };

    // Source folders merged into one destination folder go on one lane, one after the other: two
    // lanes appending to the same folder would each take the other for a foreign writer.
    const copyAll = async (entries: typeof plan.entries) => {
      const groups = new Map<string, Array<(typeof plan.entries)[number]>>();
      for (const entry of entries)
        groups.set(entry.destination, [...(groups.get(entry.destination) ?? []), entry]);
      const queue = [...groups.values()];
      await inLanes(lanes, ctx.signal, async (lane) => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          for (const entry of group) {
            if (lane.signal.aborted) throw ctx.signal.aborted ? stoppedError() : lane.signal.reason;
            await copyOne(entry, lane);
          }
        }
      });
    };
    // Gmail's All Mail last: it copies only what the other folders, all recorded by then, lack.
    await copyAll(plan.entries.filter((entry) => !entry.archivedOnly));
    leftOut = await onSide('source', () => keysOfSkippedFolders(sourceImap, plan, sourceFolders));
    await copyAll(plan.entries.filter((entry) => entry.archivedOnly));
    // Any folder no copy needed (none should be left): the plan's hierarchy is whole at the end.
    for (const path of plan.destinationFoldersToCreate)
      if (!creating.has(path)) await create(path, destination);
    return { status: partial ? 'partial' : 'done', ...sum, error: null };
  } finally {
    await Promise.allSettled(lanes);
    await Promise.allSettled(clients.map((c) => c.close()));
  }
}

/**
 * A server's NO to one folder (not a lost connection, a full mailbox or a "slow down", which the
 * account waits out): the account carries on.
 */
function folderLevelFailure(error: unknown): string | null {
  if (error instanceof MigrationError) return null;
  const raw = error as { responseText?: string; serverResponseCode?: string; code?: string };
  if (raw.responseText === undefined || raw.code !== undefined || throttleReplyOf(error)) return null;
  if ((raw.serverResponseCode ?? '').toUpperCase() === 'OVERQUOTA' || /quota/i.test(raw.responseText))
    return null;
  return raw.responseText;
}

function folderSummary(
  source: string,
  destination: string,
  o: {
    total: number;
    copied: number;
    skipped: number;
    failed: number;
    unchanged: boolean;
    flagsUpdated: number;
    removedOnDestination?: number;
    inOtherFolders?: number;
  },
): string {
  const into = source === destination ? '' : ` → "${destination}"`;
  if (o.unchanged)
    return `"${source}"${into}: unchanged since the last run (${o.total} messages)${o.flagsUpdated ? `; ${o.flagsUpdated} flag changes carried over` : ''}.`;
  const elsewhere = o.inOtherFolders ?? 0;
  const parts = [`${o.copied} copied`, `${o.skipped - elsewhere} already there`];
  if (elsewhere) parts.push(`${elsewhere} in other folders (copied from there)`);
  if (o.failed) parts.push(`${o.failed} not copied`);
  if (o.flagsUpdated) parts.push(`${o.flagsUpdated} flag changes carried over`);
  if (o.removedOnDestination)
    parts.push(
      `${o.removedOnDestination} moved or deleted on the new server since they were copied (not copied again)`,
    );
  return `"${source}"${into}: ${o.total} messages, ${parts.join(', ')}.`;
}

function log(ctx: AccountRunContext, line: AccountLogLine): void {
  ctx.emit({ type: 'log', line });
}

function folderDone(ctx: AccountRunContext, result: FolderResultRow): void {
  ctx.emit({ type: 'folder-done', result });
}

function closerOf(client: ImapFlow | Pop3Session) {
  if (!('logout' in client)) return { close: async () => client.close() };
  return {
    async close() {
      try {
        await client.logout();
      } catch {
        client.close();
      }
    },
  };
}

/**
 * Awaits every opening, then throws the first failure in the order given (the source's before
 * the destination's, so a wrong password in the users list is reported as the source's).
 */
async function inOrder<T extends readonly unknown[]>(
  openings: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(openings);
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
