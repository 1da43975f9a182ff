import type {
  FolderPairing,
  LedgerRepository,
  NewLedgerEntry,
} from '../../infrastructure/store/ledger-repository.ts';
import type { DestinationBox, DestinationFolder } from './destination-folder.ts';
import type { OtherWriters } from './other-writers.ts';
import type { ByteBudget } from './byte-budget.ts';
import type { SourceFolder } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { bodyBytes, type StreamedBody } from '../../infrastructure/protocols/imap/fetch-in-chunks.ts';
import { describeMessage } from './describe-message.ts';
import { MigrationError } from './migration-error.ts';
import { readAhead } from './read-ahead.ts';
import { storableFlag } from './flag-sync.ts';
import { throttleReplyOf } from './throttle-reply.ts';
import type { DailyUploadLimit } from './daily-upload-limit.ts';
import { formatBytes } from './format-bytes.ts';

/** A message at least this large travels alone: never several of them in one batch. */
export const LARGE_MESSAGE_BYTES = 1024 * 1024;

/**
 * From this size a message is streamed from the source into the APPEND (where both sides can),
 * read STREAM_CHUNK_BYTES at a time: it holds a few chunks, not its size, and needs no lane of
 * its own beside the budget. Below it a message costs one round trip to fetch, not three.
 */
export const STREAMED_FROM_BYTES = 4 * 1024 * 1024;
const STREAM_CHUNK_BYTES = 2 * 1024 * 1024;
/** What a streamed message holds at most: a chunk parsed (twice while it is joined), one sent. */
const STREAMED_HOLD_BYTES = 3 * STREAM_CHUNK_BYTES;

export interface MessageFailure {
  uid: number;
  /** The message's identity key (message-key.ts). */
  key: string;
  code: 'message-too-large' | 'message-refused';
  message: string;
}

export interface CopyTarget {
  source: SourceFolder;
  sourceUidValidity: number;
  destination: DestinationFolder;
  /** The destination folder's UIDVALIDITY, APPENDLIMIT and PERMANENTFLAGS from SELECT. */
  box: Pick<DestinationBox, 'uidValidity' | 'appendLimit' | 'permanentFlags'>;
  pairing: FolderPairing;
  ledger: LedgerRepository;
  budget: ByteBudget;
  /** Bodies fetched and appended per round trip, in bytes (at least one message)… */
  batchBytes: number;
  /** …and in messages. */
  batchMessages: number;
  signal: AbortSignal;
  /** Throws when this run may no longer write (checked before every APPEND). */
  beforeWrite(): void;
  /** What others stored in the folder while this run writes (watchOtherWriters). */
  otherWriters: OtherWriters;
  /** The destination's daily upload limit for this mailbox, where it has one (Gmail). */
  uploads?: DailyUploadLimit | null;
  onMessageFailed(failure: MessageFailure): void;
  /**
   * After each batch: messages stored, refused and vanished, the bytes stored, and how many were
   * stored without the server saying their UIDs (no UIDPLUS): the ledger cannot pair those yet.
   */
  onBatch(counts: {
    copied: number;
    /** Found stored by another writer meanwhile: not copied again. */
    skipped?: number;
    failed: number;
    vanished: number;
    bytes: number;
    unpaired?: number;
  }): void;
}

interface Fetched {
  messages: Array<{ message: SourceMessage; body: Buffer | StreamedBody }>;
  vanished: number;
  release(): void;
}

/**
 * Copies the messages the destination lacks, batch by batch: the next batch's bodies are
 * fetched from the source while the current one is stored on the destination with one
 * MULTIAPPEND; the budget bounds the bytes held. A batch the destination refuses is stored
 * again message by message, so one message over a size limit (or the mailbox filling up) is
 * found and reported on its own. Each batch's ledger rows are written in one transaction once
 * the destination has confirmed it: after a crash a message is either copied and recorded,
 * copied and found again by its key, or still to copy.
 */
export async function copyMissing(target: CopyTarget, missing: readonly SourceMessage[]): Promise<void> {
  const copyable = missing.filter((message) => {
    const limit = target.box.appendLimit;
    if (limit === null || message.size <= limit) return true;
    target.onMessageFailed({
      uid: message.uid,
      key: message.key,
      code: 'message-too-large',
      message: `${describeMessage(message)} is ${formatBytes(message.size)}; the new server accepts at most ${formatBytes(limit)}. It was not copied.`,
    });
    target.onBatch({ copied: 0, failed: 1, vanished: 0, bytes: 0 });
    return false;
  });
  // Without MULTIAPPEND a batch is still fetched in one go, then appended message by message.
  const multi = target.destination.multiAppend;
  const batches = batchesOf(copyable, target.batchBytes, target.batchMessages);
  const fetched = readAhead(
    batches,
    (batch) => fetchBatch(target, batch),
    (dropped) => dropped.release(),
  );
  for await (const batch of fetched) {
    try {
      if (target.signal.aborted) throw new MigrationError('cancelled', 'The job was stopped.');
      await storeBatch(target, batch, multi);
    } finally {
      batch.release();
    }
  }
}

async function fetchBatch(target: CopyTarget, batch: SourceMessage[]): Promise<Fetched> {
  const [only] = batch;
  if (batch.length === 1 && only!.size >= STREAMED_FROM_BYTES && target.source.streamBody) {
    const streamed = await fetchStreamed(target, only!);
    if (streamed) return streamed;
  }
  return fetchWhole(target, batch);
}

/** One large message, opened for streaming; null when it must be fetched whole after all. */
async function fetchStreamed(target: CopyTarget, message: SourceMessage): Promise<Fetched | null> {
  const release = await target.budget.acquire(STREAMED_HOLD_BYTES);
  try {
    if (target.signal.aborted) throw new MigrationError('cancelled', 'The job was stopped.');
    const body = await target.source.streamBody!(message.uid, message.size, STREAM_CHUNK_BYTES);
    if (body === 'vanished') return { messages: [], vanished: 1, release };
    if (body) return { messages: [{ message, body }], vanished: 0, release };
    release();
    return null;
  } catch (error) {
    release();
    throw error;
  }
}

async function fetchWhole(target: CopyTarget, batch: SourceMessage[]): Promise<Fetched> {
  const bytes = batch.reduce((sum, m) => sum + m.size, 0);
  const release = await target.budget.acquire(
    bytes,
    batch.some((m) => m.size >= LARGE_MESSAGE_BYTES),
  );
  try {
    if (target.signal.aborted) throw new MigrationError('cancelled', 'The job was stopped.');
    const bodies = new Map<number, Buffer>();
    for await (const { uid, body } of target.source.fetchBodies(batch.map((m) => m.uid)))
      bodies.set(uid, body);
    const messages = batch.flatMap((message) => {
      const body = bodies.get(message.uid);
      // Expunged on the source between listing and fetching: nothing to copy.
      return body ? [{ message, body }] : [];
    });
    return { messages, vanished: batch.length - messages.length, release };
  } catch (error) {
    release();
    throw error;
  }
}

async function storeBatch(target: CopyTarget, batch: Fetched, multi: boolean): Promise<void> {
  const { messages } = batch;
  if (batch.vanished > 0) target.onBatch({ copied: 0, failed: 0, vanished: batch.vanished, bytes: 0 });
  if (messages.length === 0) return;
  if (multi && messages.length > 1) {
    try {
      await append(target, messages);
      return;
    } catch (error) {
      // Refused as a whole (RFC 3502: nothing stored): find the culprit one message at a time.
      if (!isRefusal(error)) throw error;
    }
  }
  for (const one of messages) {
    try {
      await append(target, [one]);
    } catch (error) {
      const failure = refusalOf(error, one.message);
      if (!failure) throw error;
      target.onMessageFailed(failure);
      target.onBatch({ copied: 0, failed: 1, vanished: 0, bytes: 0 });
    }
  }
}

async function append(target: CopyTarget, batch: Fetched['messages']): Promise<void> {
  const { fresh, alreadyThere } = target.otherWriters.beforeAppend(batch, (one) => one.message.key);
  // What fits in today's upload allowance is stored; the rest waits for tomorrow's.
  const fit = target.uploads ? target.uploads.fitting(fresh.map((one) => bodyBytes(one.body))) : fresh.length;
  if (fresh.length > 0 && fit === 0) throw target.uploads!.usedUp();
  const messages = fresh.slice(0, fit);
  if (alreadyThere.length > 0) {
    // Another writer stored these since this run listed the folder: not copied again.
    target.ledger.recordMany(
      target.pairing,
      target.sourceUidValidity,
      alreadyThere.map(({ message, destinationUid }) =>
        ledgerRow(message, destinationUid, target.box.uidValidity),
      ),
    );
    target.onBatch({ copied: 0, failed: 0, vanished: 0, bytes: 0, skipped: alreadyThere.length });
  }
  if (messages.length === 0) return;
  target.beforeWrite();
  const appended = await target.destination.append(
    messages.map(({ message, body }) => ({
      body,
      flags: appendableFlags(message.flags, target.box.permanentFlags),
      internalDate: message.internalDate,
    })),
  );
  // Written while another writer stored the same message: the later copy is removed again.
  const yielded = await target.otherWriters.afterAppend(
    messages.map(({ message }, i) => ({ key: message.key, uid: appended.uids?.[i] ?? null })),
  );
  const validity = appended.uidValidity ?? target.box.uidValidity;
  const rows: NewLedgerEntry[] = messages.map((one, i) =>
    ledgerRow(one, yielded.get(i) ?? appended.uids?.[i] ?? null, validity),
  );
  target.ledger.recordMany(target.pairing, target.sourceUidValidity, rows);
  const bytes = messages.filter((_, i) => !yielded.has(i)).reduce((sum, m) => sum + bodyBytes(m.body), 0);
  target.onBatch({
    copied: messages.length - yielded.size,
    failed: 0,
    vanished: 0,
    bytes,
    skipped: yielded.size,
    unpaired: appended.uids ? 0 : messages.length,
  });
  target.uploads?.stored(messages.reduce((sum, m) => sum + bodyBytes(m.body), 0));
  if (fit < fresh.length) throw target.uploads!.usedUp();
}

/** The ledger's row for a message stored (or found stored) at `destinationUid`. */
function ledgerRow(
  { message }: Fetched['messages'][number],
  destinationUid: number | null,
  validity: number,
): NewLedgerEntry {
  return {
    uid: message.uid,
    destinationUid,
    destinationUidValidity: validity,
    messageKey: message.key,
    size: message.size,
    flags: message.flags,
  };
}

interface ServerError {
  serverResponseCode?: string;
  responseText?: string;
  code?: string;
}

/** The server answered NO or BAD (the connection is fine), and not to say "slow down". */
function isRefusal(error: unknown): boolean {
  const raw = error as ServerError | null;
  return !!raw && raw.responseText !== undefined && raw.code === undefined && throttleReplyOf(error) === null;
}

/** Why the server refused one message, or null when the account cannot go on (quota, connection). */
function refusalOf(error: unknown, message: SourceMessage): MessageFailure | null {
  if (!isRefusal(error)) return null;
  const raw = error as ServerError;
  const code = (raw.serverResponseCode ?? '').toUpperCase();
  const text = raw.responseText ?? '';
  if (code === 'OVERQUOTA' || /quota/i.test(text)) return null;
  if (['TOOBIG', 'APPENDLIMIT', 'LIMIT'].includes(code) || /too (big|large)|size/i.test(text)) {
    return {
      uid: message.uid,
      key: message.key,
      code: 'message-too-large',
      message: `${describeMessage(message)} (${formatBytes(message.size)}) is larger than the new server accepts. It was not copied.`,
    };
  }
  return {
    uid: message.uid,
    key: message.key,
    code: 'message-refused',
    message: `The new server refused ${describeMessage(message)}: ${text}`,
  };
}

/** \Recent belongs to the server; keywords only where the destination keeps them. */
function appendableFlags(flags: string[], permanent: Set<string> | null): string[] {
  return flags.filter((flag) => storableFlag(flag, permanent));
}

/** Batches of at most `maxBytes` and `maxMessages`; a large message always travels alone. */
export function* batchesOf(
  messages: readonly SourceMessage[],
  maxBytes: number,
  maxMessages: number,
): Generator<SourceMessage[]> {
  let batch: SourceMessage[] = [];
  let size = 0;
  for (const message of messages) {
    const large = message.size >= LARGE_MESSAGE_BYTES;
    if (batch.length > 0 && (large || size + message.size > maxBytes || batch.length >= maxMessages)) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(message);
    size += message.size;
    if (large) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
