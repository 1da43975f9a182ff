import { splitFolderName } from './folder-name.ts';
import type { SkipEntry } from './folder-path.ts';
import { contentLines } from './input-lines.ts';
import { lineError, resultOf } from './parse-result.ts';
import type { InputError, ParseResult } from './parse-result.ts';

/**
 * Folders to skip, one a line. Either `/` or `.` separates folder levels (a line containing `/`
 * uses `/`, so dots can stay inside names: `Archive/v1.2`). A trailing `/*` (or `.*`) also
 * skips everything under the folder. INBOX matches in any case, other names exactly.
 */
export function parseSkipList(text: string): ParseResult<SkipEntry[]> {
  const entries: SkipEntry[] = [];
  const errors: InputError[] = [];
  for (const line of contentLines(text)) {
    let name = line.text.trim();
    const subtree = name.endsWith('/*') || name.endsWith('.*');
    if (subtree) name = name.slice(0, -2);
    if (name === '' || name === '*') {
      errors.push(
        lineError(
          line.number,
          'no folder is named; write the folder to skip, and add /* to skip its subfolders too (Archive/*).',
        ),
      );
      continue;
    }
    const separator = name.includes('/') ? '/' : '.';
    const path = splitFolderName(name, separator);
    if (typeof path === 'string') {
      errors.push(lineError(line.number, path));
      continue;
    }
    entries.push({ path, subtree, separator, line: line.number });
  }
  return resultOf(entries, errors);
}
