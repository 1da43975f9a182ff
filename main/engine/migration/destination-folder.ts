import type { Appended, AppendItem } from '../../infrastructure/protocols/imap/append-messages.ts';
import type { FolderInfo } from './folder-mapping/index.ts';
import type { DestinationMessage } from './plan-folder-copy.ts';

export type { Appended, AppendItem } from '../../infrastructure/protocols/imap/append-messages.ts';

/** A destination folder's identity and limits, as SELECT reports them. */
export interface DestinationBox {
  uidValidity: number;
  uidNext: number;
  messages: number;
  /** APPENDLIMIT (RFC 7889), or null when the server names none. */
  appendLimit: number | null;
  /** PERMANENTFLAGS: which flags and keywords the folder keeps; null when it does not say. */
  permanentFlags: Set<string> | null;
}

/**
 * One folder on the destination, whatever speaks to it: the copier writes through this, as it
 * reads through SourceFolder. Its errors are marked as the destination's.
 */
export interface DestinationFolder {
  readonly path: string;
  /** Several messages go in one APPEND (MULTIAPPEND, RFC 3502): all stored, or none. */
  readonly multiAppend: boolean;
  open(): Promise<DestinationBox>;
  /** Every message's UID, identity key and flags (empty for an empty folder), or those in a UID range. */
  list(range?: { from: number; to: number }): Promise<DestinationMessage[]>;
  /** Stores messages with one command; rejects with the server's refusal (responseText). */
  append(items: readonly AppendItem[]): Promise<Appended>;
  /** Adds or removes flags on a UID set; false when the server refused. */
  storeFlags(uidSet: string, change: 'add' | 'remove', flags: readonly string[]): Promise<boolean>;
  /**
   * Removes exactly these messages (UID EXPUNGE, RFC 4315); false, removing nothing, where the
   * server cannot remove by UID (a plain EXPUNGE would take other \\Deleted mail with them).
   */
  removeExactly(uids: readonly number[]): Promise<boolean>;
  /** UIDNEXT and the message count now (STATUS), or null when the server did not say. */
  counters(): Promise<{ uidNext: number; messages: number } | null>;
}

/** The destination account: its folders, and one DestinationFolder per path. */
export interface DestinationMailbox {
  folders(): Promise<FolderInfo[]>;
  create(path: string): Promise<void>;
  folder(path: string): DestinationFolder;
}
