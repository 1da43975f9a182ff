import type { ImapFlow } from 'imapflow';
import { uidRanges } from '../flag-sync.ts';

/** UID STORE \\Deleted then UID EXPUNGE of exactly these UIDs; nothing without UIDPLUS. */
export async function removeExactly(client: ImapFlow, uids: readonly number[]): Promise<boolean> {
  if (uids.length === 0) return true;
  if (!client.capabilities.has('UIDPLUS')) return false;
  return client.messageDelete(uidRanges(uids), { uid: true });
}
