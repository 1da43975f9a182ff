import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock.ts';

/** Identifies one folder pairing: a source folder copied into a destination account. */
export interface FolderPairing {
  sourceAccount: string;
  sourceFolder: string;
  destinationAccount: string;
  destinationFolder: string;
}

export interface LedgerEntry {
  uid: number;
  destinationUid: number | null;
  destinationUidValidity: number | null;
  messageKey: string;
  flags: string[];
}

export interface NewLedgerEntry extends LedgerEntry {
  size: number;
}

export interface FolderSyncState {
  sourceUidValidity: number;
  sourceUidNext: number;
  sourceMessages: number;
  sourceHighestModseq: bigint | null;
  destinationUidValidity: number;
  destinationUidNext: number;
  destinationMessages: number;
}

/**
 * The record of copied messages, written as each one lands, and of each folder's state after a
 * complete sync. A resumed job trusts it only as far as the destination confirms it.
 */
export interface LedgerRepository {
  entries(pairing: FolderPairing, sourceUidValidity: number): Map<number, LedgerEntry>;
  /** Writes a batch of rows in one transaction: all of them or, after a crash, none. */
  recordMany(pairing: FolderPairing, sourceUidValidity: number, entries: readonly NewLedgerEntry[]): void;
  updateFlags(
    pairing: FolderPairing,
    sourceUidValidity: number,
    changes: ReadonlyArray<{ uid: number; flags: string[] }>,
  ): void;
  forget(pairing: FolderPairing, sourceUidValidity: number, uids: number[]): void;
  /**
   * How many distinct messages of the destination folder (under its UIDVALIDITY) the ledger
   * pairs with a source message of this folder.
   */
  pairedDestinationMessages(
    pairing: FolderPairing,
    sourceUidValidity: number,
    destinationUidValidity: number,
  ): number;
  /**
   * Destination UIDs (under its UIDVALIDITY) the ledger pairs with messages of *other* source
   * folders copied into the same destination folder (folders merged by a translation): they are
   * not this folder's copies, whatever their key.
   */
  destinationUidsOfOtherFolders(pairing: FolderPairing, destinationUidValidity: number): Set<number>;
  /**
   * The keys of the messages recorded from this source account's *other* folders into the same
   * destination account (copied, or found there): Gmail's All Mail copies only what none holds.
   */
  keysOfOtherFolders(pairing: FolderPairing): Set<string>;
  /** Bytes of every message recorded from this source account into that destination account. */
  bytesRecorded(sourceAccount: string, destinationAccount: string): number;
  /** The state after the last complete sync into this very destination folder, if any. */
  syncState(pairing: FolderPairing): FolderSyncState | null;
  saveSyncState(pairing: FolderPairing, state: FolderSyncState): void;
  clearSyncState(pairing: FolderPairing): void;
}

interface LedgerRow {
  uid: number;
  destination_uid: number | null;
  destination_uidvalidity: number | null;
  message_key: string;
  flags: string;
}

interface StateRow {
  destination_folder: string;
  source_uidvalidity: number;
  source_uidnext: number;
  source_messages: number;
  source_highest_modseq: string | null;
  destination_uidvalidity: number;
  destination_uidnext: number;
  destination_messages: number;
}

export function createLedgerRepository(db: Database, clock: Clock): LedgerRepository {
  const select = db.prepare<[string, string, string, number], LedgerRow>(
    `SELECT uid, destination_uid, destination_uidvalidity, message_key, flags FROM ledger
     WHERE source_account = ? AND source_folder = ? AND destination_account = ? AND uidvalidity = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO ledger (source_account, source_folder, uidvalidity, uid, destination_account, destination_folder,
       destination_uid, destination_uidvalidity, message_key, size, flags, copied_at)
     VALUES (@sourceAccount, @sourceFolder, @uidvalidity, @uid, @destinationAccount, @destinationFolder,
       @destinationUid, @destinationUidValidity, @messageKey, @size, @flags, @at)
     ON CONFLICT (source_account, source_folder, uidvalidity, uid, destination_account) DO UPDATE SET
       destination_folder = excluded.destination_folder, destination_uid = excluded.destination_uid,
       destination_uidvalidity = excluded.destination_uidvalidity, message_key = excluded.message_key,
       size = excluded.size, flags = excluded.flags, copied_at = excluded.copied_at`,
  );
  const othersInFolder = db.prepare<[string, string, number, string, string], { destination_uid: number }>(
    `SELECT destination_uid FROM ledger WHERE destination_account = ? AND destination_folder = ?
       AND destination_uidvalidity = ? AND destination_uid IS NOT NULL
       AND NOT (source_account = ? AND source_folder = ?)`,
  );
  const otherFoldersKeys = db
    .prepare<[string, string, string], string>(
      `SELECT DISTINCT message_key FROM ledger
     WHERE source_account = ? AND destination_account = ? AND source_folder <> ?`,
    )
    .pluck();
  const recordedBytes = db
    .prepare<[string, string], number | null>(
      'SELECT SUM(size) FROM ledger WHERE source_account = ? AND destination_account = ?',
    )
    .pluck();
  const setFlags = db.prepare(
    `UPDATE ledger SET flags = ? WHERE source_account = ? AND source_folder = ? AND destination_account = ?
       AND uidvalidity = ? AND uid = ?`,
  );
  const remove = db.prepare(
    `DELETE FROM ledger WHERE source_account = ? AND source_folder = ? AND destination_account = ?
       AND uidvalidity = ? AND uid = ?`,
  );
  const state = db.prepare<[string, string, string], StateRow>(
    `SELECT * FROM folder_sync_state WHERE source_account = ? AND source_folder = ? AND destination_account = ?`,
  );
  const saveState = db.prepare(
    `INSERT OR REPLACE INTO folder_sync_state (source_account, source_folder, destination_account, destination_folder,
       source_uidvalidity, source_uidnext, source_messages, source_highest_modseq,
       destination_uidvalidity, destination_uidnext, destination_messages, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const clearState = db.prepare(
    'DELETE FROM folder_sync_state WHERE source_account = ? AND source_folder = ? AND destination_account = ?',
  );
  const paired = db
    .prepare<[string, string, string, string, number, number], number>(
      `SELECT COUNT(DISTINCT destination_uid) FROM ledger
     WHERE source_account = ? AND source_folder = ? AND destination_account = ? AND destination_folder = ?
       AND uidvalidity = ? AND destination_uidvalidity = ? AND destination_uid IS NOT NULL`,
    )
    .pluck();
  const removeMany = db.transaction((p: FolderPairing, validity: number, uids: number[]) => {
    for (const uid of uids) remove.run(p.sourceAccount, p.sourceFolder, p.destinationAccount, validity, uid);
  });
  const insertMany = db.transaction(
    (p: FolderPairing, validity: number, entries: readonly NewLedgerEntry[], at: string) => {
      for (const entry of entries) {
        insert.run({
          ...p,
          uidvalidity: validity,
          uid: entry.uid,
          destinationUid: entry.destinationUid,
          destinationUidValidity: entry.destinationUidValidity,
          messageKey: entry.messageKey,
          size: entry.size,
          flags: JSON.stringify(entry.flags),
          at,
        });
      }
    },
  );
  const setFlagsMany = db.transaction(
    (p: FolderPairing, validity: number, changes: ReadonlyArray<{ uid: number; flags: string[] }>) => {
      for (const { uid, flags } of changes) {
        setFlags.run(
          JSON.stringify(flags),
          p.sourceAccount,
          p.sourceFolder,
          p.destinationAccount,
          validity,
          uid,
        );
      }
    },
  );

  return {
    entries(p, validity) {
      const map = new Map<number, LedgerEntry>();
      for (const row of select.all(p.sourceAccount, p.sourceFolder, p.destinationAccount, validity)) {
        map.set(row.uid, {
          uid: row.uid,
          destinationUid: row.destination_uid,
          destinationUidValidity: row.destination_uidvalidity,
          messageKey: row.message_key,
          flags: JSON.parse(row.flags) as string[],
        });
      }
      return map;
    },
    recordMany(p, validity, entries) {
      if (entries.length > 0) insertMany(p, validity, entries, clock.now().toISOString());
    },
    updateFlags(p, validity, changes) {
      if (changes.length > 0) setFlagsMany(p, validity, changes);
    },
    forget(p, validity, uids) {
      if (uids.length > 0) removeMany(p, validity, uids);
    },
    destinationUidsOfOtherFolders(p, destinationValidity) {
      const rows = othersInFolder.all(
        p.destinationAccount,
        p.destinationFolder,
        destinationValidity,
        p.sourceAccount,
        p.sourceFolder,
      );
      return new Set(rows.map((r) => r.destination_uid));
    },
    bytesRecorded(sourceAccount, destinationAccount) {
      return recordedBytes.get(sourceAccount, destinationAccount) ?? 0;
    },
    keysOfOtherFolders(p) {
      return new Set(otherFoldersKeys.all(p.sourceAccount, p.destinationAccount, p.sourceFolder));
    },
    pairedDestinationMessages(p, validity, destinationValidity) {
      const count = paired.get(
        p.sourceAccount,
        p.sourceFolder,
        p.destinationAccount,
        p.destinationFolder,
        validity,
        destinationValidity,
      );
      return count ?? 0;
    },
    syncState(p) {
      const row = state.get(p.sourceAccount, p.sourceFolder, p.destinationAccount);
      // A state saved for another destination folder (the job's translations changed) says
      // nothing about this one.
      if (!row || row.destination_folder !== p.destinationFolder) return null;
      return {
        sourceUidValidity: row.source_uidvalidity,
        sourceUidNext: row.source_uidnext,
        sourceMessages: row.source_messages,
        sourceHighestModseq: row.source_highest_modseq === null ? null : BigInt(row.source_highest_modseq),
        destinationUidValidity: row.destination_uidvalidity,
        destinationUidNext: row.destination_uidnext,
        destinationMessages: row.destination_messages,
      };
    },
    saveSyncState(p, s) {
      saveState.run(
        p.sourceAccount,
        p.sourceFolder,
        p.destinationAccount,
        p.destinationFolder,
        s.sourceUidValidity,
        s.sourceUidNext,
        s.sourceMessages,
        s.sourceHighestModseq === null ? null : s.sourceHighestModseq.toString(),
        s.destinationUidValidity,
        s.destinationUidNext,
        s.destinationMessages,
        clock.now().toISOString(),
      );
    },
    clearSyncState(p) {
      clearState.run(p.sourceAccount, p.sourceFolder, p.destinationAccount);
    },
  };
}
