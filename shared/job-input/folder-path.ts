/** A folder as its hierarchy segments, independent of any server's separator: ["Work", "2024"]. */
export type FolderPath = string[];

/** A folder to leave out of the migration; `subtree` (written `Folder/*`) adds everything under it. */
export interface SkipEntry {
  path: FolderPath;
  subtree: boolean;
  /**
   * The separator the line was written with. A line without `/` is split at dots, yet a dot
   * may also be part of a folder name ("v1.2"), so matching also compares the text as written.
   */
  separator: '/' | '.';
  line: number;
}

/** A folder (and the folders under it) to copy to another name on the destination. */
export interface Translation {
  source: FolderPath;
  destination: FolderPath;
  line: number;
}

/** INBOX is the one folder name IMAP compares case-insensitively (RFC 3501 §5.1). */
export function isInboxName(segment: string | undefined): boolean {
  return segment !== undefined && segment.toUpperCase() === 'INBOX';
}

/** A segment as compared: Unicode NFC, and INBOX in capitals when it is the first segment. */
export function segmentKey(segment: string, index: number): string {
  return index === 0 && isInboxName(segment) ? 'INBOX' : segment.normalize('NFC');
}

/** A key under which two spellings of the same folder path compare equal. */
export function folderKey(path: readonly string[]): string {
  return path.map(segmentKey).join('\u0000');
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function startsWithPath(path: readonly string[], prefix: readonly string[]): boolean {
  return (
    prefix.length <= path.length &&
    prefix.every((segment, i) => segmentKey(segment, i) === segmentKey(path[i]!, i))
  );
}
