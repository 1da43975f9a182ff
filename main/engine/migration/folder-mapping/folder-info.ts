/**
 * The fields of an imapflow `client.list()` entry that planning reads, so imapflow's objects
 * fit as they are and tests need no server. `path` is already decoded to Unicode.
 */
export interface FolderInfo {
  path: string;
  name: string;
  delimiter: string | null;
  specialUse?: string;
  /** imapflow's account of `specialUse`: 'name' means guessed from the name, not said by the server. */
  specialUseSource?: 'user' | 'extension' | 'name';
  flags: Set<string>;
  listed?: boolean;
  subscribed?: boolean;
  /** The folder's counters when the listing asked for them (LIST-STATUS, RFC 5819, or STATUS). */
  status?: {
    messages?: number | undefined;
    uidNext?: number | undefined;
    uidValidity?: bigint | undefined;
    highestModseq?: bigint | undefined;
    /** Bytes (STATUS=SIZE, RFC 8438), asked only where a daily upload limit needs the sum. */
    size?: number | undefined;
  };
}

/** Mailbox attributes are atoms, which IMAP compares case-insensitively. */
export function hasFlag(folder: FolderInfo, flag: string): boolean {
  const wanted = flag.toLowerCase();
  return [...folder.flags].some((f) => f.toLowerCase() === wanted);
}

/** A folder that holds no messages: a bare parent (\Noselect) or one listed only for its children. */
export function isNoselect(folder: FolderInfo): boolean {
  return hasFlag(folder, '\\Noselect') || hasFlag(folder, '\\NonExistent');
}

/** The delimiter most folders of a server report; null when none has one (a flat server). */
export function commonDelimiter(folders: FolderInfo[]): string | null {
  const counts = new Map<string, number>();
  for (const { delimiter } of folders) {
    if (delimiter !== null && delimiter !== '') counts.set(delimiter, (counts.get(delimiter) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [delimiter, count] of counts) if (best === null || count > counts.get(best)!) best = delimiter;
  return best;
}
