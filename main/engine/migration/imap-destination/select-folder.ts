import type { ImapFlow } from 'imapflow';
import type { DestinationBox } from '../destination-folder.ts';

/** SELECT (read-write): the folder's UIDVALIDITY, counters, APPENDLIMIT and PERMANENTFLAGS. */
export async function selectFolder(client: ImapFlow, path: string): Promise<DestinationBox> {
  const box = await client.mailboxOpen(path);
  const limit = box.appendlimit ?? (client.capabilities.get('APPENDLIMIT') as number | boolean | undefined);
  return {
    uidValidity: Number(box.uidValidity),
    uidNext: box.uidNext,
    messages: box.exists,
    appendLimit: typeof limit === 'number' && limit > 0 ? limit : null,
    permanentFlags: box.permanentFlags ?? null,
  };
}
