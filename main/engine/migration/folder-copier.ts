import type {
  FolderPairing,
  FolderSyncState,
  LedgerRepository,
} from '../../infrastructure/store/ledger-repository.ts';
import type { ByteBudget } from './byte-budget.ts';
import type { SourceFolder, SourceFolderStatus } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { planFolderCopy } from './plan-folder-copy.ts';
import type { DestinationBox, DestinationFolder } from './destination-folder.ts';
import { copyMissing } from './copy-missing.ts';
import { watchOtherWriters } from './other-writers.ts';
import type { MessageFailure } from './copy-missing.ts';
import { carryFlagChanges } from './flag-sync.ts';
import type { FlagState } from './flag-sync.ts';
import { chooseSyncMode, unchangedByListing } from './sync-mode.ts';
import type { ListedCounters } from './sync-mode.ts';
import type { DailyUploadLimit } from './daily-upload-limit.ts';

export type { MessageFailure } from './copy-missing.ts';

export interface FolderCopyOptions {
  source: SourceFolder;
  destination: DestinationFolder;
  pairing: FolderPairing;
  ledger: LedgerRepository;
  budget: ByteBudget;
  /** Bodies fetched and appended per round trip, in bytes (at least one message)… */
  batchBytes: number;
  /** …and in messages (default 200). */
  batchMessages?: number;
  signal: AbortSignal;
  /** Called before every write to the destination; throws when this run must stop writing. */
  beforeWrite?: () => void;
  /** Messages handled and in all, and the messages and bytes this run copied, so far. */
  onProgress(done: number, total: number, bytes: number, copied: number): void;
  onMessageFailed(failure: MessageFailure): void;
  /**
   * Keys of the messages the account's other folders bring over, asked once something is left
   * to copy: those are not copied here (Gmail's All Mail, whose archived mail alone is its own).
   */
  inOtherFolders?: () => ReadonlySet<string>;
  /** The destination's daily upload limit for this mailbox, where it has one (Gmail). */
  uploads?: DailyUploadLimit | null;
  /** Both folders' counters from the account's listings: an untouched folder is not opened. */
  listed?: { source?: ListedCounters | undefined; destination?: ListedCounters | undefined };
}

export interface FolderOutcome {
  total: number;
  copied: number;
  skipped: number;
  failed: number;
  bytes: number;
  flagsUpdated: number;
  /** Copied before, then moved or deleted on the destination by its owner: not copied again. */
  removedOnDestination: number;
  /** Not copied because other folders bring them (counted in `skipped`); see `inOtherFolders`. */
  inOtherFolders: number;
  /** Unchanged since the last complete sync: no headers were fetched. */
  unchanged: boolean;
  uidValidity: number;
  uidNext: number;
}

const DEFAULT_BATCH_MESSAGES = 200;

/**
 * Copies what the destination folder lacks from one source folder, recording each batch in the
 * ledger the moment the destination confirms it, and carries flag changes of messages copied
 * before. After a complete sync it saves both folders' state, so the next run can skip an
 * unchanged folder or fetch only the new messages (see chooseSyncMode).
 */
export async function copyFolder(options: FolderCopyOptions): Promise<FolderOutcome> {
  const { source, destination, pairing, ledger } = options;
  const saved = ledger.syncState(pairing);
  if (options.listed && unchangedByListing(saved, options.listed)) return unchangedFolder(options, saved!);
  // The two sides answer on their own connections, so one round trip serves both.
  const known = saved && { uidValidity: saved.sourceUidValidity, highestModseq: saved.sourceHighestModseq };
  const [status, box] = await Promise.all([source.open(known ?? undefined), destination.open()]);
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
    removedOnDestination: 0,
    inOtherFolders: 0,
    unchanged: mode.kind === 'unchanged',
    uidValidity: status.uidValidity,
    uidNext: status.uidNext,
  };
  let toCopy: SourceMessage[];
  // A listing that does not add up (mail expunged meanwhile, or a server answering a FETCH with
  // fewer messages than it has) is not trusted as the base of the next run.
  let listedAll: boolean;
  // Flag changes of messages copied before, stored on the destination while the new mail is
  // listed and copied (imapflow sends one command at a time: their round trips then overlap).
  let flagWork: Promise<{ carried: number; failed: number }>;
  // Messages stored without their destination UID (no UIDPLUS): the next run pairs them by key.
  let unpaired = 0;
  // UIDs below this were listed (or existed when the folder was opened): anything at or above
  // that this run did not append came from another writer.
  let listedUpTo = box.uidNext;
  if (mode.kind === 'full') {
    // Mail that arrived after the folder was opened is left to the next run: the state saved
    // below says UIDNEXT as opened, and a message copied above it would be copied again.
    // (POP3 has no UIDNEXT: its "UIDs" are digests and it never reads only new mail.)
    const [listedSource, destinationMessages] = await Promise.all([source.list(), destination.list()]);
    const sourceMessages = listedSource.filter((m) => !status.ascendingUids || m.uid < status.uidNext);
    listedUpTo = destinationMessages.reduce((upTo, m) => Math.max(upTo, m.uid + 1), box.uidNext);
    const destinationFlags = new Map(destinationMessages.map((m) => [m.uid, m.flags]));
    const entries = ledger.entries(pairing, status.uidValidity);
    const plan = planFolderCopy(
      sourceMessages,
      destinationMessages,
      entries,
      box.uidValidity,
      ledger.destinationUidsOfOtherFolders(pairing, box.uidValidity),
    );
    ledger.forget(pairing, status.uidValidity, plan.vanished);
    // A pair found by key (after a crash between APPEND and the ledger write, or without
    // UIDPLUS) is recorded with the flags it had when copied, or else the destination's own, so
    // what changed on the source since is carried below like any other change.
    const flagsBefore = (m: (typeof plan.matched)[number]) =>
      m.ledger?.flags ??
      entries.get(m.source.uid)?.flags ??
      destinationFlags.get(m.destinationUid) ??
      m.source.flags;
    ledger.recordMany(
      pairing,
      status.uidValidity,
      plan.matched
        .filter((m) => m.ledger === null)
        .map((m) => ({
          uid: m.source.uid,
          destinationUid: m.destinationUid,
          destinationUidValidity: box.uidValidity,
          messageKey: m.source.key,
          size: m.source.size,
          flags: [...flagsBefore(m)],
        })),
    );
    const states: FlagState[] = status.knowsFlags
      ? plan.matched.map((m) => ({
          uid: m.source.uid,
          destinationUid: m.destinationUid,
          recorded: flagsBefore(m),
          current: m.source.flags,
        }))
      : [];
    if (states.length > 0) options.beforeWrite?.();
    flagWork = carryFlagChanges(destination, ledger, pairing, status.uidValidity, states, box.permanentFlags);
    flagWork.catch(() => {}); // awaited after the copy; until then a failure is not unhandled
    outcome.total = sourceMessages.length;
    outcome.skipped = plan.matched.length + plan.removedOnDestination.length;
    outcome.removedOnDestination = plan.removedOnDestination.length;
    toCopy = plan.toCopy;
    listedAll = sourceMessages.length === status.messages;
  } else {
    // Read from the store at most once, and only when new mail or flag changes need it.
    let loaded: ReturnType<LedgerRepository['entries']> | undefined;
    const entries = () => (loaded ??= ledger.entries(pairing, status.uidValidity));
    const below = mode.kind === 'new-only' ? mode.from : null;
    flagWork = carryChangedFlags(options, status, saved!, entries, below, box.permanentFlags);
    flagWork.catch(() => {}); // awaited after the copy; until then a failure is not unhandled
    let fresh = mode.kind === 'new-only' ? await source.list({ from: mode.from, to: mode.to }) : [];
    // Never twice: a UID the ledger already holds was copied by an earlier run.
    if (fresh.length > 0) fresh = fresh.filter((m) => !entries().has(m.uid));
    outcome.total = status.messages;
    outcome.skipped = status.messages - fresh.length;
    toCopy = fresh;
    listedAll = mode.kind === 'unchanged' || saved!.sourceMessages + fresh.length === status.messages;
  }
  if (toCopy.length > 0 && options.inOtherFolders) {
    const elsewhere = options.inOtherFolders();
    const own = toCopy.filter((message) => !elsewhere.has(message.key));
    outcome.inOtherFolders = toCopy.length - own.length;
    outcome.skipped += outcome.inOtherFolders;
    toCopy = own;
  }
  options.onProgress(outcome.skipped, outcome.total, 0, 0);

  const otherWriters = watchOtherWriters(destination, listedUpTo);
  if (toCopy.length > 0) {
    // Until this folder is complete again, the next run lists both sides (even after a kill -9).
    ledger.clearSyncState(pairing);
    await copyMissing(
      {
        source,
        sourceUidValidity: status.uidValidity,
        destination,
        box,
        pairing,
        ledger,
        budget: options.budget,
        batchBytes: options.batchBytes,
        batchMessages: options.batchMessages ?? DEFAULT_BATCH_MESSAGES,
        signal: options.signal,
        beforeWrite: options.beforeWrite ?? (() => {}),
        otherWriters,
        uploads: options.uploads ?? null,
        onMessageFailed: options.onMessageFailed,
        onBatch: (counts) => {
          outcome.copied += counts.copied;
          outcome.skipped += counts.skipped ?? 0;
          outcome.failed += counts.failed;
          outcome.total -= counts.vanished;
          if (counts.vanished > 0) listedAll = false;
          unpaired += counts.unpaired ?? 0;
          outcome.bytes += counts.bytes;
          options.onProgress(
            outcome.skipped + outcome.copied + outcome.failed,
            outcome.total,
            outcome.bytes,
            outcome.copied,
          );
        },
      },
      toCopy,
    );
  }

  const flags = await flagWork;
  outcome.flagsUpdated = flags.carried;
  // Flag changes the destination did not take: the saved state must not hide them next time.
  const flagsNotCarried = flags.failed;
  // Without another writer the counters after the APPENDs are known: no STATUS round trip.
  const ownCounters = () => {
    const uidNext = otherWriters.uidNextIfAlone();
    if (uidNext === null || listedUpTo !== box.uidNext) return null;
    return { uidNext, messages: box.messages + outcome.copied };
  };
  if (outcome.failed > 0 || !listedAll || flagsNotCarried > 0 || unpaired > 0) {
    ledger.clearSyncState(pairing);
  } else if (toCopy.length > 0 || mode.kind === 'full' || !sameState(saved!, status, box)) {
    const after = toCopy.length > 0 ? (ownCounters() ?? (await destination.counters())) : null;
    ledger.saveSyncState(pairing, {
      ...stateOf(status, box),
      destinationUidNext: after?.uidNext ?? box.uidNext,
      destinationMessages: after?.messages ?? box.messages,
    });
  }
  return outcome;
}

/** A folder both listings showed as the last sync left it: counted, not opened. */
function unchangedFolder(options: FolderCopyOptions, saved: FolderSyncState): FolderOutcome {
  options.onProgress(saved.sourceMessages, saved.sourceMessages, 0, 0);
  return {
    total: saved.sourceMessages,
    copied: 0,
    skipped: saved.sourceMessages,
    failed: 0,
    bytes: 0,
    flagsUpdated: 0,
    removedOnDestination: 0,
    inOtherFolders: 0,
    unchanged: true,
    uidValidity: saved.sourceUidValidity,
    uidNext: saved.sourceUidNext,
  };
}

/** Flags changed on the source since the last sync (CONDSTORE), for messages copied before `below`. */
async function carryChangedFlags(
  options: FolderCopyOptions,
  status: SourceFolderStatus,
  saved: FolderSyncState,
  ledgerEntries: () => ReturnType<LedgerRepository['entries']>,
  below: number | null,
  permanentFlags: Set<string> | null,
): Promise<{ carried: number; failed: number }> {
  const none = { carried: 0, failed: 0 };
  if (status.highestModseq !== null && saved.sourceHighestModseq === status.highestModseq) return none;
  const changed =
    status.changedFlags ??
    (await options.source.flagsSince(status.highestModseq !== null ? saved.sourceHighestModseq : null));
  if (changed.length === 0) return none;
  const entries = ledgerEntries();
  const states: FlagState[] = [];
  for (const { uid, flags } of changed) {
    // New messages are copied with the flags they have now.
    if (below !== null && uid >= below) continue;
    const entry = entries.get(uid);
    if (!entry || entry.destinationUid === null) continue;
    states.push({ uid, destinationUid: entry.destinationUid, recorded: entry.flags, current: flags });
  }
  if (!status.knowsFlags) return none;
  if (states.length > 0) options.beforeWrite?.();
  return carryFlagChanges(
    options.destination,
    options.ledger,
    options.pairing,
    status.uidValidity,
    states,
    permanentFlags,
  );
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
