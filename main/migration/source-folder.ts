import type { SourceMessage } from './plan-folder-copy.ts';

/** A source folder's identity and counters, as SELECT/EXAMINE (or POP3 STAT) reports them. */
export interface SourceFolderStatus {
  uidValidity: number;
  uidNext: number;
  messages: number;
  /** CONDSTORE's HIGHESTMODSEQ, or null when the server has none. */
  highestModseq: bigint | null;
}

/**
 * One folder on the source, whatever the protocol: the copier reads through this, so IMAP and
 * POP3 sources share the same deduplication, ledger and results. Reading never changes the source.
 */
export interface SourceFolder {
  readonly path: string;
  open(): Promise<SourceFolderStatus>;
  list(): Promise<SourceMessage[]>;
  /** Flags changed since a HIGHESTMODSEQ (CONDSTORE), or null when the server cannot say. */
  changedFlags(since: bigint): Promise<Array<{ uid: number; flags: string[] }> | null>;
  /** Bodies as raw bytes, in the order asked. */
  fetchBodies(uids: number[]): AsyncIterable<{ uid: number; body: Buffer }>;
}
