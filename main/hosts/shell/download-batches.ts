// Files the window downloads one after another (a draft notice per user, a report and its CSV)
// go into one folder the user picks once, instead of one Save dialog per file. Pure, so it is
// tested without Electron; the shell wires it to the session's will-download.
import { basename, extname, join } from 'node:path';

export interface DownloadBatches {
  /** Where to save `fileName`, or null when the user cancelled choosing a folder. */
  savePathFor(fileName: string): string | null;
}

/** Downloads that follow each other within this long belong to one batch. */
export const BATCH_GAP_MS = 5_000;

export function createDownloadBatches(options: {
  /** Asks the user for a folder (a dialog); null when cancelled. */
  askFolder(firstFile: string): string | null;
  /** Whether a path is taken already (the file exists). */
  exists(path: string): boolean;
  now?: () => number;
}): DownloadBatches {
  const now = options.now ?? Date.now;
  let batch: { folder: string | null; lastAt: number; names: Set<string> } | null = null;
  return {
    savePathFor(fileName) {
      const at = now();
      if (!batch || at - batch.lastAt > BATCH_GAP_MS)
        batch = { folder: options.askFolder(fileName), lastAt: at, names: new Set() };
      batch.lastAt = at;
      if (batch.folder === null) return null;
      const path = freeName(
        batch.folder,
        basename(fileName),
        (p) => batch!.names.has(p) || options.exists(p),
      );
      batch.names.add(path);
      return path;
    },
  };
}

/** `name`, or "name (2).ext", "name (3).ext"… when taken: nothing already there is overwritten. */
function freeName(folder: string, name: string, taken: (path: string) => boolean): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let path = join(folder, name);
  for (let n = 2; taken(path); n++) path = join(folder, `${stem} (${n})${ext}`);
  return path;
}
