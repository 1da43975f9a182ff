import type { FolderPath } from '../../../../shared/job-input/folder-path.ts';

/**
 * Source names as destination segments. A name containing the destination's delimiter would
 * split into two levels there ("a.b" on a "." server), so that character becomes "_" ("-" on
 * a server whose delimiter is "_"), with a note for the log.
 */
export function safeSegments(
  names: FolderPath,
  delimiter: string,
): { segments: FolderPath; notes: string[] } {
  const replacement = delimiter === '_' ? '-' : '_';
  const notes: string[] = [];
  const segments = names.map((name) => {
    if (!name.includes(delimiter)) return name;
    const safe = name.split(delimiter).join(replacement);
    notes.push(
      `"${name}" contains "${delimiter}", which separates folder levels on the destination; it is copied as "${safe}".`,
    );
    return safe;
  });
  return { segments, notes };
}
