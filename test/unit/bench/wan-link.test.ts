import { createHash, randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startWanLink } from '../../../bench/wan-link.ts';
import type { WanLink } from '../../../bench/wan-link.ts';

let server: Server | null = null;
let link: WanLink | null = null;
afterEach(async () => {
  await link?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = link = null;
});

/** A server that writes `parts` one by one as fast as it can, then ends. */
async function sender(parts: Buffer[]): Promise<number> {
  server = createServer((socket) => {
    for (const part of parts) socket.write(part);
    socket.end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function receiveAll(port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the benchmark’s WAN link', () => {
  it('delivers every byte in order, whatever the fractional delays of its chunks', async () => {
    // Many small writes of odd sizes: each chunk's delivery time has a different fraction.
    const parts = Array.from({ length: 3000 }, (_, i) => randomBytes(1 + ((i * 7919) % 5000)));
    const port = await sender(parts);
    link = startWanLink({ name: 'test', delayMs: 1.37, bitsPerSecond: 2e9 });
    const received = await receiveAll(await link.proxy({ host: '127.0.0.1', port }));
    const sent = Buffer.concat(parts);
    expect(received.length).toBe(sent.length);
    expect(sha(received)).toBe(sha(sent));
    expect(link.carried().down).toBe(sent.length);
  });

  it('carries two connections over one shared direction without mixing their bytes', async () => {
    const parts = Array.from({ length: 200 }, (_, i) => randomBytes(10_000 + i));
    const port = await sender(parts);
    link = startWanLink({ name: 'test', delayMs: 0.6, bitsPerSecond: 5e8 });
    const proxied = await link.proxy({ host: '127.0.0.1', port });
    const [a, b] = await Promise.all([receiveAll(proxied), receiveAll(proxied)]);
    const sent = sha(Buffer.concat(parts));
    expect([sha(a), sha(b)]).toEqual([sent, sent]);
    expect(link.carried().down).toBe(2 * Buffer.concat(parts).length);
  });
});
