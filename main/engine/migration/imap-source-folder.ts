import type { ImapFlow } from 'imapflow';
import type { SourceFolder, SourceFolderStatus } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { fetchInChunks, hasExactSize } from '../../infrastructure/protocols/imap/fetch-in-chunks.ts';
import { readOnSide } from './server-side.ts';
import { IDENTITY_HEADERS, messageKey } from './message-key.ts';

/** An IMAP source folder, opened read-only (EXAMINE) and fetched with BODY.PEEK: nothing is marked read. */
export function imapSourceFolder(client: ImapFlow, path: string): SourceFolder {
  let status: SourceFolderStatus | null = null;
  return {
    path,
    async open() {
      const box = await client.mailboxOpen(path, { readOnly: true });
      status = {
        uidValidity: Number(box.uidValidity),
        uidNext: box.uidNext,
        messages: box.exists,
        highestModseq: box.noModseq || box.highestModseq === undefined ? null : box.highestModseq,
        ascendingUids: true,
        // A folder whose FLAGS list is empty keeps none: its "no flags" says nothing.
        knowsFlags: box.flags === undefined || box.flags.size > 0,
      };
      return status;
    },
    async list(range) {
      if (!status || status.messages === 0) return [];
      if (range && range.from > range.to) return [];
      const messages: SourceMessage[] = [];
      for await (const m of client.fetch(
        range ? `${range.from}:${range.to}` : '1:*',
        { uid: true, flags: true, internalDate: true, size: true, headers: [...IDENTITY_HEADERS] },
        { uid: true },
      )) {
        if (range && (m.uid < range.from || m.uid > range.to)) continue;
        const size = m.size ?? 0;
        messages.push({
          uid: m.uid,
          key: messageKey(m.headers, size),
          size,
          flags: [...(m.flags ?? [])],
          internalDate: m.internalDate ? new Date(m.internalDate) : null,
        });
      }
      return messages;
    },
    async flagsSince(since) {
      if (!status || status.messages === 0) return [];
      const changedSince = since !== null && status.highestModseq !== null ? { changedSince: since } : {};
      const changed: Array<{ uid: number; flags: string[] }> = [];
      for await (const m of client.fetch('1:*', { uid: true, flags: true }, { uid: true, ...changedSince })) {
        changed.push({ uid: m.uid, flags: [...(m.flags ?? [])] });
      }
      return changed;
    },
    async *fetchBodies(uids) {
      if (uids.length === 0) return;
      const bodies = new Map<number, Buffer>();
      for await (const m of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
        if (m.source) bodies.set(m.uid, m.source);
      }
      for (const uid of uids) {
        const body = bodies.get(uid);
        if (body) {
          bodies.delete(uid);
          yield { uid, body };
        }
      }
    },
    async streamBody(uid, size, chunkBytes) {
      const exact = await hasExactSize(client, uid, size);
      if (exact === 'vanished') return 'vanished';
      if (exact === 'other') return null;
      const body = fetchInChunks(client, uid, size, chunkBytes);
      // Read while the destination's APPEND is written: a failure here is the source's.
      return { size, chunks: readOnSide('source', body.chunks) };
    },
  };
}
