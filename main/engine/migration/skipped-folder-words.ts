import type { SkippedFolder } from './folder-mapping/index.ts';

/** The log line for a source folder left out, or null when the admin needs none (a bare parent). */
export function skippedFolderWords(skipped: SkippedFolder): string | null {
  switch (skipped.reason) {
    case 'skip-list':
      return 'Skipped, as the skip list asks.';
    case 'noselect':
      return null;
    case 'virtual':
      return skipped.specialUse === '\\Flagged'
        ? `Not copied: "${skipped.source}" only shows the starred (flagged) messages of the other folders, which are copied from there with their star.`
        : `Not copied: "${skipped.source}" only shows messages of the other folders that the old server marks as important, which are copied from there.`;
  }
}
