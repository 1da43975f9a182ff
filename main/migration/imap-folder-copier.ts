import type { ImapFlow } from 'imapflow';
import type { FolderPairing, FolderSyncState, LedgerRepository } from '../store/ledger-repository.ts';
import type { ByteBudget } from './byte-budget.ts';
import type { SourceFolder, SourceFolderStatus } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { planFolderCopy } from './plan-folder-copy.ts';
import { IDENTITY_HEADERS, messageKey } from './message-key.ts';
import { copyMissing } from './copy-missing.ts';
import type { MessageFailure } from './copy-missing.ts';
import { carryFlagChanges } from './flag-sync.ts';
import type { FlagState } from './flag-sync.ts';
import { chooseSyncMode } from './sync-mode.ts';

export type { MessageFailure } from './copy-missing.ts';

export interface FolderCopyOptions {
  source: SourceFolder;
  destination: ImapFlow;
  destinationPath: string;
  pairing: FolderPairing;
  ledger: LedgerRepository;
  budget: ByteBudget;
  /** Bodies fetched and appended per round trip, in bytes (at least one message)… */
  batchBytes: number;
  /** …and in messages (default 200). */
  batchMessages?: number;
  signal: AbortSignal;
  onProgress(done: number, total: number, bytes: number): void;
  onMessageFailed(failure: MessageFailure): void;
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

const DEFAULT_BATCH_MESSAGES = 200;

/**
 * Copies what the destination folder lacks from one source folder, recording each batch in the
 * ledger the moment the destination confirms it, and carries flag changes of messages copied
 * before. After a complete sync it saves both folders' state, so the next run can skip an
 * unchanged folder or fetch only the new messages (see chooseSyncMode).
 */
export async function copyFolder(options: FolderCopyOptions): Promise<FolderOutcome> {
  const { source, destination, destinationPath, pairing, ledger } = options;
  const status = await source.open();
  const box = await openDestination(destination, destinationPath);
  const saved = ledger.syncState(pairing);
  const mode = chooseSyncMode(saved, status, box, () =>
    ledger.pairedDestinationMessages(pairing, status.uidValidity, box.uidValidity),
  );

  const outcome: FolderOutcome = {
    total: 0,
    copied: 0,
    skipped: 0,
    failed: 0,
    bytes: 0,
    flagsUpdated: 0,
    unchanged: mode.kind === 'unchanged',
    uidValidity: status.uidValidity,
    uidNext: status.uidNext,
  };
  let toCopy: SourceMessage[];
  // A listing that does not add up (mail expunged meanwhile, or a server answering a FETCH with
  // fewer messages than it has) is not trusted as the base of the next run.
  let listedAll: boolean;
  if (mode.kind === 'full') {
    const sourceMessages = await source.list();
    const destinationMessages = await listDestination(destination, box);
    const entries = ledger.entries(pairing, status.uidValidity);
    const plan = planFolderCopy(sourceMessages, destinationMessages, entries, box.uidValidity);
    ledger.forget(pairing, status.uidValidity, plan.vanished);
    const known = plan.matched.filter((m) => m.ledger === null);
    ledger.recordMany(
      pairing,
      status.uidValidity,
      known.map((m) => ({
        uid: m.source.uid,
        destinationUid: m.destinationUid,
        destinationUidValidity: box.uidValidity,
        messageKey: m.source.key,
        size: m.source.size,
        flags: m.source.flags,
      })),
    );
    const states: FlagState[] = plan.matched.flatMap((m) =>
      m.ledger
        ? [
            {
              uid: m.source.uid,
              destinationUid: m.destinationUid,
              recorded: m.ledger.flags,
              current: m.source.flags,
            },
          ]
        : [],
    );
    outcome.flagsUpdated = await carryFlagChanges(destination, ledger, pairing, status.uidValidity, states);
    outcome.total = sourceMessages.length;
    outcome.skipped = plan.matched.length;
    toCopy = plan.toCopy;
    listedAll = sourceMessages.length === status.messages;
  } else {
    const fresh = mode.kind === 'new-only' ? await source.list({ from: mode.from, to: mode.to }) : [];
    outcome.flagsUpdated = await carryChangedFlags(
      options,
      status,
      saved!,
      mode.kind === 'new-only' ? mode.from : null,
    );
    outcome.total = status.messages;
    outcome.skipped = status.messages - fresh.length;
    toCopy = fresh;
    listedAll = mode.kind === 'unchanged' || saved!.sourceMessages + fresh.length === status.messages;
  }
  options.onProgress(outcome.skipped, outcome.total, 0);

  if (toCopy.length > 0) {
    // Until this folder is complete again, the next run lists both sides (even after a kill -9).
    ledger.clearSyncState(pairing);
    await copyMissing(
      {
        source,
        sourceUidValidity: status.uidValidity,
        destination,
        destinationPath,
        box,
        pairing,
        ledger,
        budget: options.budget,
        batchBytes: options.batchBytes,
        batchMessages: options.batchMessages ?? DEFAULT_BATCH_MESSAGES,
        signal: options.signal,
        onMessageFailed: options.onMessageFailed,
        onBatch: (counts) => {
          outcome.copied += counts.copied;
          outcome.failed += counts.failed;
          outcome.total -= counts.vanished;
          if (counts.vanished > 0) listedAll = false;
          outcome.bytes += counts.bytes;
          options.onProgress(outcome.skipped + outcome.copied + outcome.failed, outcome.total, outcome.bytes);
        },
      },
      toCopy,
    );
  }

  if (outcome.failed > 0 || !listedAll) {
    ledger.clearSyncState(pairing);
  } else if (toCopy.length > 0 || mode.kind === 'full' || !sameState(saved!, status, box)) {
    const after = toCopy.length > 0 ? await destinationCounters(destination, destinationPath) : null;
    ledger.saveSyncState(pairing, {
      ...stateOf(status, box),
      destinationUidNext: after?.uidNext ?? box.uidNext,
      destinationMessages: after?.messages ?? box.messages,
    });
  }
  return outcome;
}

/** Flags changed on the source since the last sync (CONDSTORE), for messages copied before `below`. */
async function carryChangedFlags(
  options: FolderCopyOptions,
  status: SourceFolderStatus,
  saved: FolderSyncState,
  below: number | null,
): Promise<number> {
  if (status.highestModseq !== null && saved.sourceHighestModseq === status.highestModseq) return 0;
  const changed = await options.source.flagsSince(
    status.highestModseq !== null ? saved.sourceHighestModseq : null,
  );
  if (changed.length === 0) return 0;
  const entries = options.ledger.entries(options.pairing, status.uidValidity);
  const states: FlagState[] = [];
  for (const { uid, flags } of changed) {
    // New messages are copied with the flags they have now.
    if (below !== null && uid >= below) continue;
    const entry = entries.get(uid);
    if (!entry || entry.destinationUid === null) continue;
    states.push({ uid, destinationUid: entry.destinationUid, recorded: entry.flags, current: flags });
  }
  return carryFlagChanges(options.destination, options.ledger, options.pairing, status.uidValidity, states);
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

async function destinationCounters(client: ImapFlow, path: string) {
  const after = await client.status(path, { uidNext: true, messages: true });
  return after ? { uidNext: after.uidNext, messages: after.messages } : null;
}

/** Header listing of the destination, to match by key; an empty folder needs none. */
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

function sameState(saved: FolderSyncState, status: SourceFolderStatus, box: DestinationBox): boolean {
  const now = stateOf(status, box);
  return (Object.keys(now) as Array<keyof FolderSyncState>).every((key) => saved[key] === now[key]);
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
