import type { ImapFlow } from 'imapflow';

/** STATUS (UIDNEXT MESSAGES) of a folder. */
export async function folderCounters(
  client: ImapFlow,
  path: string,
): Promise<{ uidNext: number; messages: number } | null> {
  const after = await client.status(path, { uidNext: true, messages: true });
  return after && after.uidNext !== undefined && after.messages !== undefined
    ? { uidNext: after.uidNext, messages: after.messages }
    : null;
}
