import type { FolderInfo } from '../../../main/engine/migration/folder-mapping/folder-info.ts';

/** Test folders shaped like imapflow's list() entries; `attributes` become flags. */
export function folders(
  delimiter: string | null,
  paths: string[],
  attributes: Record<string, string[]> = {},
): FolderInfo[] {
  return paths.map((path) => ({
    path,
    name: delimiter === null ? path : (path.split(delimiter).at(-1) ?? path),
    delimiter,
    flags: new Set(attributes[path] ?? []),
    listed: true,
    subscribed: true,
  }));
}
