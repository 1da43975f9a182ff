import { segmentKey, startsWithPath } from '../../../../shared/job-input/folder-path.ts';
import type { FolderPath, SkipEntry, Translation } from '../../../../shared/job-input/folder-path.ts';

/**
 * A path the admin wrote, inside the source's personal namespace: on a server whose folders
 * live under INBOX., "INBOX/Work" and "Work" both mean the folder shown as Work.
 */
export function withoutPrefix(path: FolderPath, prefix: FolderPath): FolderPath {
  if (prefix.length === 0 || path.length <= prefix.length || !startsWithPath(path, prefix)) return path;
  return path.slice(prefix.length);
}

/**
 * Whether a skip-list line names this folder (or, for `Folder/*`, one of its ancestors). The
 * line is compared as written against the folder joined by `/` and by `.`, so "v1.2" matches a
 * folder named v1.2 as well as v1 › 2.
 */
export function matchesSkip(entry: SkipEntry, logical: FolderPath, prefix: FolderPath): boolean {
  const written = withoutPrefix(entry.path, prefix).map(segmentKey).join(entry.separator);
  const depths = entry.subtree ? logical.map((_, i) => i + 1) : [logical.length];
  return depths.some((depth) => {
    const head = logical.slice(0, depth).map(segmentKey);
    return head.join('/') === written || head.join('.') === written;
  });
}

/** The translation for this folder: the one whose source is the longest ancestor-or-self. */
export function findTranslation(
  translations: Translation[],
  logical: FolderPath,
  prefix: FolderPath,
): { translation: Translation; depth: number } | undefined {
  let best: { translation: Translation; depth: number } | undefined;
  for (const translation of translations) {
    const source = withoutPrefix(translation.source, prefix);
    if (startsWithPath(logical, source) && (best === undefined || source.length > best.depth)) {
      best = { translation, depth: source.length };
    }
  }
  return best;
}
