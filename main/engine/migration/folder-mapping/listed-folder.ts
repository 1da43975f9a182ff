import { isInboxName, startsWithPath } from '../../../../shared/job-input/folder-path.ts';
import type { FolderPath } from '../../../../shared/job-input/folder-path.ts';
import { commonDelimiter } from './folder-info.ts';
import type { FolderInfo } from './folder-info.ts';

/** A server's folder split into segments, with its path inside the personal namespace. */
export interface ListedFolder {
  info: FolderInfo;
  segments: FolderPath;
  /**
   * The path users think in: `INBOX.Work.2024` on a server whose folders live under `INBOX.`
   * is ["Work", "2024"], the same as `Work/2024` on a server without that prefix.
   */
  logical: FolderPath;
  isInbox: boolean;
}

/** One server's folder list, as planning sees it. */
export interface FolderList {
  folders: ListedFolder[];
  delimiter: string | null;
  /** The personal namespace prefix as segments: ["INBOX"] on Courier or Cyrus, else []. */
  prefix: FolderPath;
}

/**
 * Splits a server's folders by their delimiter and finds the namespace prefix: the one given
 * (imapflow's `client.namespace.prefix`, such as "INBOX." or ""), else ["INBOX"] when every
 * folder other than INBOX lies under INBOX, else none.
 */
export function describeFolders(list: FolderInfo[], prefixOption?: string): FolderList {
  const delimiter = commonDelimiter(list);
  const split = list.map((info) => {
    const own = info.delimiter || delimiter;
    const segments = own ? info.path.split(own) : [info.path];
    return { info, segments, isInbox: segments.length === 1 && isInboxName(segments[0]) };
  });
  const prefix =
    prefixOption === undefined ? detectInboxPrefix(split) : prefixSegments(prefixOption, delimiter);
  const folders = split.map((folder) => ({ ...folder, logical: logicalPath(folder, prefix) }));
  return { folders, delimiter, prefix };
}

function detectInboxPrefix(folders: Array<{ segments: FolderPath; isInbox: boolean }>): FolderPath {
  const others = folders.filter((folder) => !folder.isInbox);
  const allUnderInbox = others.every(({ segments }) => segments.length > 1 && isInboxName(segments[0]));
  return others.length > 0 && allUnderInbox ? ['INBOX'] : [];
}

function prefixSegments(prefix: string, delimiter: string | null): FolderPath {
  const trimmed = delimiter && prefix.endsWith(delimiter) ? prefix.slice(0, -delimiter.length) : prefix;
  if (trimmed === '') return [];
  return delimiter ? trimmed.split(delimiter) : [trimmed];
}

function logicalPath(folder: { segments: FolderPath; isInbox: boolean }, prefix: FolderPath): FolderPath {
  const { segments } = folder;
  if (folder.isInbox || prefix.length === 0) return segments;
  return segments.length > prefix.length && startsWithPath(segments, prefix)
    ? segments.slice(prefix.length)
    : segments;
}
