import type { StreamedBody } from '../../infrastructure/protocols/imap/fetch-in-chunks.ts';
import type { SourceMessage } from './plan-folder-copy.ts';

/** A source folder's identity and counters, as SELECT/EXAMINE (or POP3 STAT) reports them. */
export interface SourceFolderStatus {
  uidValidity: number;
  uidNext: number;
  messages: number;
  /** CONDSTORE's HIGHESTMODSEQ, or null when the server has none. */
  highestModseq: bigint | null;
  /**
   * UIDs grow with arrival (IMAP): every message that arrives later gets a UID at or above
   * `uidNext`. False for POP3, whose `uidNext` is only a digest of the listing.
   */
  ascendingUids: boolean;
  /**
   * The source can tell a message's flags (IMAP). False for POP3, which has none: "no flags"
   * there means "unknown", never "cleared", so nothing on the destination is changed for it.
   */
  knowsFlags: boolean;
  /**
   * The messages whose flags changed since the HIGHESTMODSEQ `open` was given, as the server
   * reported them while opening the folder (QRESYNC); absent when it did not, so `flagsSince` asks.
   */
  changedFlags?: Array<{ uid: number; flags: string[] }>;
}

/** A folder's state after the last complete sync, so opening it can report the changes since. */
export interface KnownState {
  uidValidity: number;
  highestModseq: bigint | null;
}

/** The source UIDs `from` up to and including `to`. */
export interface UidRange {
  from: number;
  to: number;
}

/**
 * One folder on the source, whatever the protocol: the copier reads through this, so IMAP and
 * POP3 sources share the same deduplication, ledger and results. Reading never changes the source.
 */
export interface SourceFolder {
  readonly path: string;
  open(known?: KnownState): Promise<SourceFolderStatus>;
  /** Every message, or those in a UID range (only where `ascendingUids`). */
  list(range?: UidRange): Promise<SourceMessage[]>;
  /**
   * Flags of the messages changed since a HIGHESTMODSEQ (CONDSTORE), or of every message when
   * `since` is null or the server cannot say.
   */
  flagsSince(since: bigint | null): Promise<Array<{ uid: number; flags: string[] }>>;
  /** Bodies as raw bytes, in the order asked. */
  fetchBodies(uids: number[]): AsyncIterable<{ uid: number; body: Buffer }>;
  /**
   * One body read `chunkBytes` at a time while it is written (where the source can): null when
   * the message is not exactly `size` bytes (it is then fetched whole), 'vanished' when it is gone.
   */
  streamBody?(uid: number, size: number, chunkBytes: number): Promise<StreamedBody | 'vanished' | null>;
}
