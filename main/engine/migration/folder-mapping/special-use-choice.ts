import type { ListedFolder } from './listed-folder.ts';
import { attributeUse, nameUse, SPECIAL_USE_FLAGS, STANDARD_NAMES } from './special-use.ts';
import type { SpecialUseFlag } from './special-use.ts';

/** The source folder that plays a special use, and whether the server said so or its name did. */
export interface SpecialUseSource {
  flag: SpecialUseFlag;
  byAttribute: boolean;
}

/**
 * Picks at most one source folder per special use. A folder the server marks wins over one
 * that only has a well-known name; among equals, the first in list order wins. The others are
 * copied as ordinary folders, with a note that says why.
 */
export function chooseSpecialUseFolders(eligible: ListedFolder[]): {
  chosen: Map<ListedFolder, SpecialUseSource>;
  notes: Map<ListedFolder, string>;
} {
  const chosen = new Map<ListedFolder, SpecialUseSource>();
  const notes = new Map<ListedFolder, string>();
  for (const flag of SPECIAL_USE_FLAGS) {
    const marked = eligible.filter((folder) => attributeUse(folder.info) === flag);
    const named = eligible.filter(
      (folder) => attributeUse(folder.info) === undefined && nameUse(folder.info, folder.logical) === flag,
    );
    const [winner, ...others] = [...marked, ...named];
    if (winner === undefined) continue;
    const byAttribute = marked.includes(winner);
    chosen.set(winner, { flag, byAttribute });
    const word = STANDARD_NAMES[flag];
    const why = byAttribute ? 'the server marks it as such' : 'it comes first in the folder list';
    for (const other of others) {
      notes.set(
        other,
        `"${other.info.path}" also looks like the ${word} folder, but "${winner.info.path}" is taken as the ${word} folder (${why}); "${other.info.path}" is copied as an ordinary folder.`,
      );
    }
  }
  return { chosen, notes };
}
