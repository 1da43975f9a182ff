import type { ImapFlow } from 'imapflow';
import type { FolderInfo, FolderPlan } from './folder-mapping/index.ts';
import { isNoselect, virtualUse } from './folder-mapping/index.ts';
import { imapSourceFolder } from './imap-source-folder.ts';

/**
 * What Gmail's All Mail must not bring over as archived mail: the messages of the folders the
 * skip list leaves out (a skipped label's mail stays behind, even though All Mail shows it too),
 * read from the source now, as no ledger holds them. Only when the plan has an All Mail folder.
 */
export async function keysOfSkippedFolders(
  client: ImapFlow | null,
  plan: FolderPlan,
  sourceFolders: readonly FolderInfo[],
): Promise<Set<string>> {
  const keys = new Set<string>();
  if (client === null || !plan.entries.some((entry) => entry.archivedOnly)) return keys;
  const skipped = new Set(plan.skipped.filter((s) => s.reason === 'skip-list').map((s) => s.source));
  // A bare parent holds nothing; a skipped view (Starred) holds only other folders' mail.
  const readable = sourceFolders.filter(
    (folder) => skipped.has(folder.path) && !isNoselect(folder) && virtualUse(folder) === undefined,
  );
  for (const folder of readable) {
    const source = imapSourceFolder(client, folder.path);
    await source.open();
    for (const message of await source.list()) keys.add(message.key);
  }
  return keys;
}
