import { isInboxName } from './folder-path.ts';
import type { FolderPath } from './folder-path.ts';

/**
 * A folder name as the admin wrote it, split at `separator` into segments; INBOX as the first
 * segment is written in capitals. A string is the problem when a segment is empty.
 */
export function splitFolderName(name: string, separator: string): FolderPath | string {
  const segments = name.split(separator);
  if (segments.some((segment) => segment === '')) {
    return `"${name}" has an empty folder name; write one "${separator}" between two folder names and none at the ends.`;
  }
  if (isInboxName(segments[0])) segments[0] = 'INBOX';
  return segments;
}
