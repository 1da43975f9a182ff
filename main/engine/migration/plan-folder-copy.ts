import type { LedgerEntry } from '../../infrastructure/store/ledger-repository.ts';

export interface SourceMessage {
  uid: number;
  key: string;
  size: number;
  flags: string[];
  internalDate: Date | null;
}

export interface DestinationMessage {
  uid: number;
  key: string;
  flags: string[];
}

export interface MatchedMessage {
  source: SourceMessage;
  destinationUid: number;
  /** The ledger's record, or null when the destination already had it (found by key). */
  ledger: LedgerEntry | null;
}

export interface FolderCopyPlan {
  toCopy: SourceMessage[];
  matched: MatchedMessage[];
  /**
   * Copied before (the ledger holds the destination UID, same UIDVALIDITY) but no longer in the
   * destination folder: moved or deleted there by its owner, so not copied again.
   */
  removedOnDestination: SourceMessage[];
  /** Ledger rows for messages no longer on the source: forgotten, never copied again. */
  vanished: number[];
}

/**
 * Decides which source messages the destination still lacks. The ledger pairs what this tool
 * copied (when the destination confirms the UID still holds that message); everything else is
 * paired by key, counting copies: k identical source messages against n on the destination
 * leaves k − n to copy, so the destination mirrors the source and a crash between APPEND and
 * the ledger write never produces a duplicate. Copies the ledger pairs with another source folder
 * (two folders merged by a translation) are that folder's: two identical messages, one in each,
 * arrive twice, as they would from one folder. A message the ledger says was delivered and that
 * is gone from the destination folder was moved or deleted there, and is not brought back.
 */
export function planFolderCopy(
  source: readonly SourceMessage[],
  destination: readonly DestinationMessage[],
  ledger: ReadonlyMap<number, LedgerEntry>,
  destinationUidValidity: number,
  /** Destination messages copied from other source folders merged into this one: never matched. */
  otherFoldersCopies: ReadonlySet<number> = new Set(),
): FolderCopyPlan {
  const destinationByUid = new Map(destination.map((m) => [m.uid, m]));
  const claimed = new Set<number>(otherFoldersCopies);
  const matched: MatchedMessage[] = [];
  const unmatched: SourceMessage[] = [];
  const removedOnDestination: SourceMessage[] = [];

  for (const message of source) {
    const entry = ledger.get(message.uid);
    const held = entry?.destinationUid != null ? destinationByUid.get(entry.destinationUid) : undefined;
    if (
      entry &&
      held &&
      entry.destinationUidValidity === destinationUidValidity &&
      held.key === message.key &&
      !claimed.has(held.uid)
    ) {
      claimed.add(held.uid);
      matched.push({ source: message, destinationUid: held.uid, ledger: entry });
    } else if (
      entry &&
      entry.destinationUid != null &&
      entry.destinationUidValidity === destinationUidValidity &&
      !destinationByUid.has(entry.destinationUid)
    ) {
      removedOnDestination.push(message);
    } else {
      unmatched.push(message);
    }
  }

  const freeByKey = new Map<string, number[]>();
  for (const message of destination) {
    if (claimed.has(message.uid)) continue;
    const list = freeByKey.get(message.key);
    if (list) list.push(message.uid);
    else freeByKey.set(message.key, [message.uid]);
  }

  const toCopy: SourceMessage[] = [];
  for (const message of unmatched) {
    const uid = freeByKey.get(message.key)?.shift();
    if (uid === undefined) toCopy.push(message);
    else matched.push({ source: message, destinationUid: uid, ledger: null });
  }

  const present = new Set(source.map((m) => m.uid));
  const vanished = [...ledger.keys()].filter((uid) => !present.has(uid));
  return { toCopy, matched, removedOnDestination, vanished };
}

/** The flags worth carrying over; \Recent is the server's own and cannot be set. */
export const SYNCED_SYSTEM_FLAGS = ['\\Seen', '\\Answered', '\\Flagged', '\\Draft', '\\Deleted'] as const;

/**
 * What changed on the source since the ledger's record: only those changes are applied, so a
 * flag the user changed on the destination after cutover is left alone.
 */
export function flagChanges(
  before: readonly string[],
  after: readonly string[],
): { add: string[]; remove: string[] } {
  const was = new Set(before.filter(isSyncedFlag));
  const now = new Set(after.filter(isSyncedFlag));
  return {
    add: [...now].filter((f) => !was.has(f)),
    remove: [...was].filter((f) => !now.has(f)),
  };
}

function isSyncedFlag(flag: string): boolean {
  if (flag.startsWith('\\')) return (SYNCED_SYSTEM_FLAGS as readonly string[]).includes(flag);
  return true; // keywords ($Forwarded, $Label1, …)
}
