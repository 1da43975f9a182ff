import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { ImapFlow } from 'imapflow';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectThrough, connectTo, rawMessage } from '../../support/mail-fixtures.ts';
import { appendMessages } from '../../../main/infrastructure/protocols/imap/append-messages.ts';
import { fetchInChunks, hasExactSize } from '../../../main/infrastructure/protocols/imap/fetch-in-chunks.ts';

// imapflow is patched (patches/imapflow+*.patch) to take a literal as a stream with its length:
// a large message goes from a chunked FETCH into one APPEND, written as the socket takes it.
let server: DovecotServer;
let throttle: Server;
const sockets = new Set<Socket>();
/** Bytes the server has been handed through the throttle. */
let delivered = 0;
const BIG = 21 * 1024 * 1024;
let bigBody: Buffer;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  server = await startDovecot({ users: [{ username: 'ann', password: 'pw' }] });
  // What the client writes reaches the server at about 8 MB/s, the answers at once.
  throttle = createServer((client) => {
    const upstream = connect(server.ports.imap, server.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => (client.destroy(), upstream.destroy()));
    }
    client.on('data', (chunk: Buffer) => {
      client.pause();
      setTimeout(() => {
        delivered += chunk.length;
        upstream.write(chunk);
        client.resume();
      }, chunk.length / 8_000);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => throttle.listen(0, '127.0.0.1', resolve));
  // A 21 MiB message of text lines, every line different.
  const lines: string[] = [];
  for (let i = 0; lines.length * 78 < BIG; i++) lines.push(`line ${i} `.padEnd(76, String(i % 10)));
  bigBody = rawMessage({ subject: 'Big', body: lines.join('\r\n') });
  const client = await connectTo(server, 'ann', 'pw');
  await client.mailboxCreate('Copy');
  await client.append('INBOX', bigBody, ['\\Seen']);
  await client.logout();
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => throttle.close(() => resolve()));
  await server.stop();
});

function throttled(): Promise<ImapFlow> {
  return connectThrough((throttle.address() as AddressInfo).port, 'ann', 'pw');
}

async function copyFolderContents(path: string): Promise<Buffer[]> {
  const client = await connectTo(server, 'ann', 'pw');
  try {
    await client.mailboxOpen(path, { readOnly: true });
    const bodies: Buffer[] = [];
    for await (const m of client.fetch('1:*', { uid: true, source: true }, { uid: true }))
      bodies.push(m.source!);
    return bodies;
  } finally {
    await client.logout();
  }
}

async function emptyCopy(): Promise<void> {
  const client = await connectTo(server, 'ann', 'pw');
  try {
    await client.mailboxOpen('Copy');
    await client.messageDelete('1:*');
  } finally {
    await client.logout();
  }
}

async function* generated(bytes: Buffer, fail?: Error): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += 1024 * 1024) {
    if (fail && offset >= 4 * 1024 * 1024) throw fail;
    yield bytes.subarray(offset, offset + 1024 * 1024);
  }
}

describe('a message streamed from a chunked FETCH into APPEND', () => {
  it('copies a 21 MiB message exactly, the source read in 2 MiB partial fetches', async () => {
    const source = await connectTo(server, 'ann', 'pw');
    const destination = await connectTo(server, 'ann', 'pw');
    try {
      await source.mailboxOpen('INBOX', { readOnly: true });
      const size = bigBody.length;
      expect(size).toBeGreaterThan(20 * 1024 * 1024);
      expect(await hasExactSize(source, 1, size)).toBe('exact');
      expect(await hasExactSize(source, 1, size - 1)).toBe('other');
      expect(await hasExactSize(source, 1, size + 1)).toBe('other');
      expect(await hasExactSize(source, 99, size)).toBe('vanished');

      const appended = await appendMessages(destination, 'Copy', [
        { body: fetchInChunks(source, 1, size, 2 * 1024 * 1024), flags: ['\\Flagged'], internalDate: null },
      ]);
      expect(appended.uids).toHaveLength(1);
      // The connection goes on as before: the next command's answer is its own.
      expect(await destination.status('Copy', { messages: true })).toMatchObject({ messages: 1 });
      const [copy] = await copyFolderContents('Copy');
      expect(copy!.length).toBe(size);
      expect(sha(copy!)).toBe(sha(bigBody));
    } finally {
      await Promise.allSettled([source.logout(), destination.logout()]);
      await emptyCopy();
    }
  });

  it('reads the stream no faster than the socket takes it', async () => {
    const client = await throttled();
    try {
      let queuedMost = 0;
      let aheadMost = 0;
      let pulled = 0;
      const start = delivered;
      const watched = async function* () {
        for await (const chunk of generated(bigBody)) {
          pulled += chunk.length;
          const socket = (client as unknown as { socket?: Socket }).socket;
          queuedMost = Math.max(queuedMost, socket?.writableLength ?? 0);
          aheadMost = Math.max(aheadMost, pulled - (delivered - start));
          yield chunk;
        }
      };
      await appendMessages(client, 'Copy', [
        { body: { size: bigBody.length, chunks: watched() }, flags: [], internalDate: null },
      ]);
      // Written all at once, the whole message would wait in the socket's queue.
      expect(queuedMost).toBeLessThanOrEqual(1024 * 1024);
      // What the kernel's socket buffers hold on both sides, and a chunk.
      expect(aheadMost).toBeLessThan(bigBody.length / 2);
      const [copy] = await copyFolderContents('Copy');
      expect(sha(copy!)).toBe(sha(bigBody));
    } finally {
      await client.logout().catch(() => {});
      await emptyCopy();
    }
  });

  it('stores nothing, and fails with the reason, when the stream fails or ends short', async () => {
    const broken = new Error('the old server went away');
    for (const [chunks, expected] of [
      [generated(bigBody, broken), broken.message],
      [generated(bigBody.subarray(0, bigBody.length - 10)), 'shorter than its announced length'],
      [generated(Buffer.concat([bigBody, Buffer.from('extra')])), 'longer than its announced length'],
    ] as const) {
      const client = await connectTo(server, 'ann', 'pw');
      await expect(
        appendMessages(client, 'Copy', [
          { body: { size: bigBody.length, chunks }, flags: [], internalDate: null },
        ]),
      ).rejects.toThrow(expected);
      // Half a literal cannot be taken back: the connection is closed, the server stores nothing.
      expect(client.usable).toBe(false);
    }
    expect(await copyFolderContents('Copy')).toEqual([]);
  });

  it('sends a streamed literal after the server\'s "+" when LITERAL+ is not used, and stores it exactly', async () => {
    const client = await connectTo(server, 'ann', 'pw');
    try {
      client.capabilities.delete('LITERAL+');
      const bodies = [
        bigBody.subarray(0, 3 * 1024 * 1024),
        rawMessage({ subject: 'after', body: 'a'.repeat(200_000) }),
      ];
      const appended = await appendMessages(client, 'Copy', [
        { body: { size: bodies[0]!.length, chunks: generated(bodies[0]!) }, flags: [], internalDate: null },
        { body: bodies[1]!, flags: ['\\Seen'], internalDate: null },
      ]);
      expect(appended.uids).toHaveLength(2);
      expect((await copyFolderContents('Copy')).map(sha)).toEqual(bodies.map(sha));
    } finally {
      await client.logout();
      await emptyCopy();
    }
  });

  it('sends small messages of a batch inline and large ones streamed, all stored exactly', async () => {
    const client = await connectTo(server, 'ann', 'pw');
    const bodies = [
      rawMessage({ subject: 'small', body: 's'.repeat(100) }),
      rawMessage({ subject: 'medium', body: 'm'.repeat(300_000) }),
      rawMessage({ subject: 'small 2' }),
    ];
    try {
      const appended = await appendMessages(
        client,
        'Copy',
        bodies.map((body) => ({ body, flags: [], internalDate: null })),
      );
      expect(appended.uids).toHaveLength(3);
      expect((await copyFolderContents('Copy')).map(sha)).toEqual(bodies.map(sha));
    } finally {
      await client.logout();
      await emptyCopy();
    }
  });
});
