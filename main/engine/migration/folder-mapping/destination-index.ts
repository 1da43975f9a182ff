import { folderKey } from '../../../../shared/job-input/folder-path.ts';
import type { FolderPath } from '../../../../shared/job-input/folder-path.ts';
import { hasFlag, isNoselect } from './folder-info.ts';
import type { FolderInfo } from './folder-info.ts';
import { describeFolders } from './listed-folder.ts';
import { attributeUse, nameUse, STANDARD_NAMES } from './special-use.ts';
import type { SpecialUseFlag } from './special-use.ts';

/** What planning asks of the destination's folder list. */
export interface DestinationIndex {
  delimiter: string;
  /** The personal namespace prefix new top-level folders go under: ["INBOX"] on Courier or Cyrus. */
  prefix: FolderPath;
  /** The folder at this path, if the server has one (INBOX always exists). */
  find(segments: FolderPath): FolderInfo | undefined;
  /** Where mail of this special use goes: the destination's own folder, or a new one. */
  specialUseTarget(flag: SpecialUseFlag): FolderPath;
}

const INBOX: FolderInfo = { path: 'INBOX', name: 'INBOX', delimiter: null, flags: new Set() };

/**
 * Indexes the destination's folders by path (Unicode NFC, INBOX in any case). Its delimiter is
 * the one most of its folders report; a destination reporting none gets the source's, else "/".
 */
export function indexDestination(
  list: FolderInfo[],
  prefixOption: string | undefined,
  fallbackDelimiter: string | null,
): DestinationIndex {
  const { folders, delimiter, prefix } = describeFolders(list, prefixOption);
  const byKey = new Map<string, FolderInfo>([[folderKey(['INBOX']), INBOX]]);
  for (const folder of folders) {
    if (hasFlag(folder.info, '\\NonExistent') || folder.isInbox) continue;
    const key = folderKey(folder.segments);
    if (!byKey.has(key)) byKey.set(key, folder.info);
  }
  const usable = folders.filter((folder) => !folder.isInbox && !isNoselect(folder.info));
  return {
    delimiter: delimiter ?? fallbackDelimiter ?? '/',
    prefix,
    find: (segments) => byKey.get(folderKey(segments)),
    specialUseTarget(flag) {
      const own =
        usable.find((folder) => attributeUse(folder.info) === flag) ??
        usable.find(
          (folder) =>
            attributeUse(folder.info) === undefined && nameUse(folder.info, folder.logical) === flag,
        );
      return own?.segments ?? [...prefix, STANDARD_NAMES[flag]];
    },
  };
}
