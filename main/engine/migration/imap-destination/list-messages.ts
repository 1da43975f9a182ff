import type { ImapFlow } from 'imapflow';
import type { DestinationMessage } from '../plan-folder-copy.ts';
import { IDENTITY_HEADERS, messageKey } from '../message-key.ts';

/** UID FETCH of the identity headers, size and flags of every message (or a UID range) of the selected folder. */
export async function listMessages(
  client: ImapFlow,
  range?: { from: number; to: number },
): Promise<DestinationMessage[]> {
  const list: DestinationMessage[] = [];
  for await (const m of client.fetch(
    range ? `${range.from}:${range.to}` : '1:*',
    { uid: true, flags: true, size: true, headers: [...IDENTITY_HEADERS] },
    { uid: true },
  )) {
    // A range past the last UID answers with the last message: only what is inside counts.
    if (range && (m.uid < range.from || m.uid > range.to)) continue;
    list.push({ uid: m.uid, key: messageKey(m.headers, m.size ?? 0), flags: [...(m.flags ?? [])] });
  }
  return list;
}
