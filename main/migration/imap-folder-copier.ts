import type { ImapFlow } from 'imapflow';
import type { FolderPairing, FolderSyncState, LedgerRepository } from '../store/ledger-repository.ts';
import type { ByteBudget } from './byte-budget.ts';
import type { SourceFolder, SourceFolderStatus } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { flagChanges, planFolderCopy } from './plan-folder-copy.ts';
import { IDENTITY_HEADERS, messageKey } from './message-key.ts';
import { MigrationError } from './migration-error.ts';
import { describeMessage } from './describe-message.ts';

export interface FolderCopyOptions {
  source: SourceFolder;
  destination: ImapFlow;
  destinationPath: string;
  pairing: FolderPairing;
  ledger: LedgerRepository;
  budget: ByteBudget;
  /** Bodies fetched per round trip, in bytes (at least one message). */
  batchBytes: number;
  signal: AbortSignal;
  onProgress(done: number, total: number, bytes: number): void;
  onMessageFailed(failure: MessageFailure): void;
}

export interface MessageFailure {
  uid: number;
  code: 'message-too-large' | 'message-refused';
  message: string;
}

export interface FolderOutcome {
  total: number;
  copied: number;
  skipped: number;
  failed: number;
  bytes: number;
  flagsUpdated: number;
  /** Unchanged since the last complete sync: no headers were fetched. */
  unchanged: boolean;
  uidValidity: number;
  uidNext: number;
}

interface DestinationBox {
  uidValidity: number;
  uidNext: number;
  messages: number;
  appendLimit: number | null;
  permanentFlags: Set<string> | null;
}

/**
 * Copies what the destination folder lacks from one source folder, recording each message in
 * the ledger the moment it lands, and carries flag changes of messages copied before.
 */
export async function copyFolder(options: FolderCopyOptions): Promise<FolderOutcome> {
  const { source, destination, destinationPath, pairing, ledger } = options;
  const status = await source.open();
  const box = await openDestination(destination, destinationPath);
  const saved = ledger.syncState(pairing);

  if (saved && unchangedSince(saved, status, box)) {
    const flagsUpdated = await carryFlagChanges(options, status, saved);
    ledger.saveSyncState(pairing, stateOf(status, box));
    options.onProgress(status.messages, status.messages, 0);
    return {
      ...emptyOutcome(status),
      total: status.messages,
      skipped: status.messages,
      flagsUpdated,
      unchanged: true,
    };
  }

  const sourceMessages = await source.list();
  const destinationMessages = await listDestination(destination, box);
  const entries = ledger.entries(pairing, status.uidValidity);
  const plan = planFolderCopy(sourceMessages, destinationMessages, entries, box.uidValidity);
  ledger.forget(pairing, status.uidValidity, plan.vanished);

  let flagsUpdated = 0;
  const changes = new Map<string, { add: string[]; remove: string[]; uids: number[] }>();
  for (const match of plan.matched) {
    if (match.ledger) {
      const change = flagChanges(match.ledger.flags, match.source.flags);
      if (change.add.length + change.remove.length > 0) {
        const key = JSON.stringify(change);
        const group = changes.get(key) ?? { ...change, uids: [] };
        group.uids.push(match.destinationUid);
        changes.set(key, group);
        ledger.updateFlags(pairing, status.uidValidity, match.source.uid, match.source.flags);
        flagsUpdated++;
      }
    } else {
      ledger.record(pairing, status.uidValidity, {
        uid: match.source.uid,
        destinationUid: match.destinationUid,
        destinationUidValidity: box.uidValidity,
        messageKey: match.source.key,
        size: match.source.size,
        flags: match.source.flags,
      });
    }
  }
  await applyFlagChanges(destination, [...changes.values()]);

  const outcome: FolderOutcome = {
    ...emptyOutcome(status),
    total: sourceMessages.length,
    skipped: plan.matched.length,
    flagsUpdated,
  };
  options.onProgress(outcome.skipped, outcome.total, 0);
  await appendMissing(options, status, box, plan.toCopy, outcome);

  if (outcome.failed === 0) {
    const after = await destination.status(destinationPath, {
      uidNext: true,
      uidValidity: true,
      messages: true,
    });
    ledger.saveSyncState(pairing, {
      ...stateOf(status, box),
      destinationUidNext: after ? (after.uidNext ?? box.uidNext) : box.uidNext,
      destinationMessages: after ? (after.messages ?? box.messages) : box.messages,
    });
  } else {
    ledger.clearSyncState(pairing);
  }
  return outcome;
}

async function appendMissing(
  options: FolderCopyOptions,
  status: SourceFolderStatus,
  box: DestinationBox,
  missing: SourceMessage[],
  outcome: FolderOutcome,
): Promise<void> {
  const copyable: SourceMessage[] = [];
  for (const message of missing) {
    if (box.appendLimit !== null && message.size > box.appendLimit) {
      outcome.failed++;
      options.onMessageFailed({
        uid: message.uid,
        code: 'message-too-large',
        message: `${describeMessage(message)} is ${formatBytes(message.size)}; the new server accepts at most ${formatBytes(box.appendLimit)}. It was not copied.`,
      });
    } else {
      copyable.push(message);
    }
  }
  for (const batch of batches(copyable, options.batchBytes)) {
    if (options.signal.aborted) throw new MigrationError('cancelled', 'The job was stopped.');
    const bytes = batch.reduce((sum, m) => sum + m.size, 0);
    const release = await options.budget.acquire(bytes);
    try {
      const byUid = new Map(batch.map((m) => [m.uid, m]));
      for await (const { uid, body } of options.source.fetchBodies(batch.map((m) => m.uid))) {
        const message = byUid.get(uid)!;
        byUid.delete(uid);
        await appendOne(options, status, box, message, body, outcome);
      }
      for (const vanished of byUid.values()) {
        // Expunged on the source between listing and fetching: nothing to copy.
        outcome.total--;
        void vanished;
      }
    } finally {
      release();
    }
  }
}

async function appendOne(
  options: FolderCopyOptions,
  status: SourceFolderStatus,
  box: DestinationBox,
  message: SourceMessage,
  body: Buffer,
  outcome: FolderOutcome,
): Promise<void> {
  let result;
  try {
    result = await options.destination.append(
      options.destinationPath,
      body,
      appendableFlags(message.flags, box.permanentFlags),
      message.internalDate ?? undefined,
    );
  } catch (error) {
    const raw = error as { serverResponseCode?: string; responseText?: string; code?: string };
    const response = (raw.serverResponseCode ?? '').toUpperCase();
    if (response === 'OVERQUOTA' || /quota/i.test(raw.responseText ?? '')) throw error;
    if (
      response === 'TOOBIG' ||
      response === 'APPENDLIMIT' ||
      response === 'LIMIT' ||
      /too (big|large)|size/i.test(raw.responseText ?? '')
    ) {
      outcome.failed++;
      options.onMessageFailed({
        uid: message.uid,
        code: 'message-too-large',
        message: `${describeMessage(message)} (${formatBytes(message.size)}) is larger than the new server accepts. It was not copied.`,
      });
      return;
    }
    if (raw.responseText !== undefined && raw.code === undefined) {
      outcome.failed++;
      options.onMessageFailed({
        uid: message.uid,
        code: 'message-refused',
        message: `The new server refused ${describeMessage(message)}: ${raw.responseText}`,
      });
      return;
    }
    throw error;
  }
  options.ledger.record(options.pairing, status.uidValidity, {
    uid: message.uid,
    destinationUid: result && result.uid !== undefined ? result.uid : null,
    destinationUidValidity:
      result && result.uidValidity !== undefined ? Number(result.uidValidity) : box.uidValidity,
    messageKey: message.key,
    size: message.size,
    flags: message.flags,
  });
  outcome.copied++;
  outcome.bytes += body.length;
  options.onProgress(outcome.skipped + outcome.copied + outcome.failed, outcome.total, outcome.bytes);
}

async function carryFlagChanges(
  options: FolderCopyOptions,
  status: SourceFolderStatus,
  saved: FolderSyncState,
): Promise<number> {
  if (status.highestModseq !== null && saved.sourceHighestModseq === status.highestModseq) return 0;
  const changed =
    saved.sourceHighestModseq !== null && status.highestModseq !== null
      ? await options.source.changedFlags(saved.sourceHighestModseq)
      : null;
  const candidates = changed ?? (await options.source.list()).map((m) => ({ uid: m.uid, flags: m.flags }));
  const entries = options.ledger.entries(options.pairing, status.uidValidity);
  const groups = new Map<string, { add: string[]; remove: string[]; uids: number[] }>();
  let updated = 0;
  for (const { uid, flags } of candidates) {
    const entry = entries.get(uid);
    if (!entry || entry.destinationUid === null) continue;
    const change = flagChanges(entry.flags, flags);
    if (change.add.length + change.remove.length === 0) continue;
    const key = JSON.stringify(change);
    const group = groups.get(key) ?? { ...change, uids: [] };
    group.uids.push(entry.destinationUid);
    groups.set(key, group);
    options.ledger.updateFlags(options.pairing, status.uidValidity, uid, flags);
    updated++;
  }
  await applyFlagChanges(options.destination, [...groups.values()]);
  return updated;
}

async function applyFlagChanges(
  destination: ImapFlow,
  groups: Array<{ add: string[]; remove: string[]; uids: number[] }>,
) {
  for (const group of groups) {
    const range = group.uids.join(',');
    if (group.add.length > 0)
      await destination.messageFlagsAdd(range, group.add, { uid: true, silent: true });
    if (group.remove.length > 0)
      await destination.messageFlagsRemove(range, group.remove, { uid: true, silent: true });
  }
}

async function openDestination(client: ImapFlow, path: string): Promise<DestinationBox> {
  const box = await client.mailboxOpen(path);
  const limit = box.appendlimit ?? (client.capabilities.get('APPENDLIMIT') as number | boolean | undefined);
  return {
    uidValidity: Number(box.uidValidity),
    uidNext: box.uidNext,
    messages: box.exists,
    appendLimit: typeof limit === 'number' && limit > 0 ? limit : null,
    permanentFlags: box.permanentFlags ?? null,
  };
}

async function listDestination(client: ImapFlow, box: DestinationBox) {
  if (box.messages === 0) return [];
  const list: Array<{ uid: number; key: string; flags: string[] }> = [];
  for await (const m of client.fetch(
    '1:*',
    { uid: true, flags: true, size: true, headers: [...IDENTITY_HEADERS] },
    { uid: true },
  )) {
    list.push({ uid: m.uid, key: messageKey(m.headers, m.size ?? 0), flags: [...(m.flags ?? [])] });
  }
  return list;
}

function unchangedSince(saved: FolderSyncState, status: SourceFolderStatus, box: DestinationBox): boolean {
  return (
    saved.sourceUidValidity === status.uidValidity &&
    saved.sourceUidNext === status.uidNext &&
    saved.sourceMessages === status.messages &&
    saved.destinationUidValidity === box.uidValidity &&
    saved.destinationUidNext === box.uidNext &&
    saved.destinationMessages === box.messages
  );
}

function stateOf(status: SourceFolderStatus, box: DestinationBox): FolderSyncState {
  return {
    sourceUidValidity: status.uidValidity,
    sourceUidNext: status.uidNext,
    sourceMessages: status.messages,
    sourceHighestModseq: status.highestModseq,
    destinationUidValidity: box.uidValidity,
    destinationUidNext: box.uidNext,
    destinationMessages: box.messages,
  };
}

function emptyOutcome(status: SourceFolderStatus): FolderOutcome {
  return {
    total: 0,
    copied: 0,
    skipped: 0,
    failed: 0,
    bytes: 0,
    flagsUpdated: 0,
    unchanged: false,
    uidValidity: status.uidValidity,
    uidNext: status.uidNext,
  };
}

/** \Recent belongs to the server; keywords only where the destination keeps them. */
function appendableFlags(flags: string[], permanent: Set<string> | null): string[] {
  return flags.filter((flag) => {
    if (flag === '\\Recent') return false;
    if (flag.startsWith('\\') || permanent === null) return true;
    return permanent.has('\\*') || permanent.has(flag);
  });
}

function* batches(messages: SourceMessage[], batchBytes: number): Generator<SourceMessage[]> {
  let batch: SourceMessage[] = [];
  let size = 0;
  for (const message of messages) {
    if (batch.length > 0 && size + message.size > batchBytes) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(message);
    size += message.size;
  }
  if (batch.length > 0) yield batch;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
