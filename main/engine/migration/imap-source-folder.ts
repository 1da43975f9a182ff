import type { ImapFlow } from 'imapflow';
import type { KnownState, SourceFolder, SourceFolderStatus } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { fetchInChunks, hasExactSize } from '../../infrastructure/protocols/imap/fetch-in-chunks.ts';
import { readOnSide } from './server-side.ts';
import { IDENTITY_HEADERS, messageKey } from './message-key.ts';

/** An IMAP source folder, opened read-only (EXAMINE) and fetched with BODY.PEEK: nothing is marked read. */
export function imapSourceFolder(client: ImapFlow, path: string): SourceFolder {
  let status: SourceFolderStatus | null = null;
  return {
    path,
    async open(known) {
      const { box, changedFlags } = await examine(client, path, known);
      status = {
        uidValidity: Number(box.uidValidity),
        uidNext: box.uidNext,
        messages: box.exists,
        highestModseq: box.noModseq || box.highestModseq === undefined ? null : box.highestModseq,
        ascendingUids: true,
        // A folder whose FLAGS list is empty keeps none: its "no flags" says nothing.
        knowsFlags: box.flags === undefined || box.flags.size > 0,
        ...(changedFlags ? { changedFlags } : {}),
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

/**
 * EXAMINE; given the state of the last sync on a connection with QRESYNC enabled, the server
 * sends the flags of every message changed since with its answer, which saves the FETCH
 * CHANGEDSINCE round trip. `changedFlags` is null when it did not (no QRESYNC, new UIDVALIDITY).
 */
async function examine(client: ImapFlow, path: string, known: KnownState | undefined) {
  const resync = known?.highestModseq != null && client.enabled.has('QRESYNC');
  const events: Array<{ path: string; uid?: number; flags: Set<string> }> = [];
  const onFlags = (event: (typeof events)[number]) => events.push(event);
  if (resync) client.on('flags', onFlags);
  try {
    const box = await client.mailboxOpen(
      path,
      resync
        ? { readOnly: true, changedSince: known!.highestModseq!, uidValidity: known!.uidValidity }
        : { readOnly: true },
    );
    // The folder's name as imapflow spells it (namespace prefix, INBOX) is the one its events carry.
    const ours = events.filter((event) => event.path === box.path);
    const took = resync && (box as { qresync?: boolean }).qresync === true && ours.every((e) => e.uid);
    return {
      box,
      changedFlags: took ? ours.map((event) => ({ uid: event.uid!, flags: [...event.flags] })) : null,
    };
  } finally {
    if (resync) client.off('flags', onFlags);
  }
}
