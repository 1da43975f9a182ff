import type { ImapFlow } from 'imapflow';
import type { DestinationMessage } from '../plan-folder-copy.ts';
import { IDENTITY_HEADERS, messageKey } from '../message-key.ts';

/** UID FETCH of every message's identity headers, size and flags in the selected folder. */
export async function listMessages(client: ImapFlow): Promise<DestinationMessage[]> {
  const list: DestinationMessage[] = [];
  for await (const m of client.fetch(
    '1:*',
    { uid: true, flags: true, size: true, headers: [...IDENTITY_HEADERS] },
    { uid: true },
  )) {
    list.push({ uid: m.uid, key: messageKey(m.headers, m.size ?? 0), flags: [...(m.flags ?? [])] });
  }
  return list;
}
