import type { ImapFlow } from 'imapflow';

/** A message body read piece by piece, `size` bytes in all: what a streamed APPEND literal takes. */
export interface StreamedBody {
  size: number;
  chunks: AsyncIterable<Buffer>;
}

/** How many bytes a body has, whole or streamed. */
export function bodyBytes(body: Buffer | StreamedBody): number {
  return Buffer.isBuffer(body) ? body.length : body.size;
}

/**
 * Whether the message at `uid` (in the selected mailbox) is exactly `size` bytes: a partial
 * fetch of the two bytes from `size - 1` answers one byte only then. A streamed APPEND announces
 * its length before the first byte is read, and RFC822.SIZE is not exact on every server.
 */
export async function hasExactSize(
  client: ImapFlow,
  uid: number,
  size: number,
): Promise<'exact' | 'other' | 'vanished'> {
  if (size < 1) return 'other';
  const probe = await client.fetchOne(
    String(uid),
    { uid: true, source: { start: size - 1, maxLength: 2 } },
    { uid: true },
  );
  if (!probe) return 'vanished';
  return probe.source?.length === 1 ? 'exact' : 'other';
}

/**
 * The body of the message at `uid` (in the selected mailbox), `size` bytes, fetched in partial
 * FETCHes (BODY.PEEK[]<offset.chunkBytes>) as it is read: the next chunk is asked while the one
 * before is handed on, so at most two are held. Throws when a chunk comes back short or the
 * message is gone.
 */
export function fetchInChunks(client: ImapFlow, uid: number, size: number, chunkBytes: number): StreamedBody {
  const fetchChunk = async (offset: number): Promise<Buffer> => {
    const wanted = Math.min(chunkBytes, size - offset);
    const answer = await client.fetchOne(
      String(uid),
      { uid: true, source: { start: offset, maxLength: wanted } },
      { uid: true },
    );
    const chunk = answer ? answer.source : undefined;
    if (!chunk || chunk.length !== wanted)
      throw new Error(
        `Message ${uid} changed while it was read: ${chunk?.length ?? 0} bytes at ${offset}, not ${wanted}.`,
      );
    return chunk;
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    let next: Promise<Buffer> | null = fetchChunk(0);
    for (let offset = 0; next;) {
      const chunk: Buffer = await next;
      offset += chunk.length;
      next = offset < size ? fetchChunk(offset) : null;
      // Awaited on the next turn; a reader that stops first must not leave it unhandled.
      next?.catch(() => {});
      yield chunk;
    }
  }
  return { size, chunks: chunks() };
}
