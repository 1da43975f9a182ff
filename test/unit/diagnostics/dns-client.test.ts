// The DNS client against tiny in-process servers on 127.0.0.1: TTLs decoded, a truncated UDP
// answer repeated over TCP, a stray reply ignored, a silent server timed out on time.
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decode, encode, streamEncode, TRUNCATED_RESPONSE } from 'dns-packet';
import type { Packet } from 'dns-packet';
import { queryDns } from '../../../main/engine/diagnostics/dns/dns-client.ts';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function reply(query: Packet, extra: Partial<Packet>): Packet {
  return { type: 'response', id: query.id, flags: 0, questions: query.questions, ...extra };
}

async function udpServer(
  handle: (query: Packet, send: (packet: Packet) => void) => void,
  port = 0,
): Promise<number> {
  const socket: UdpSocket = createSocket('udp4');
  socket.on('message', (data, from) => {
    const query = decode(data);
    handle(query, (packet) => socket.send(encode(packet), from.port, from.address));
  });
  await new Promise<void>((resolve) => socket.bind(port, '127.0.0.1', () => resolve()));
  closers.push(() => socket.close());
  return socket.address().port;
}

const MX: Packet['answers'] = [
  {
    name: 'example.test',
    type: 'MX',
    ttl: 7200,
    class: 'IN',
    data: { preference: 5, exchange: 'mx.example.test' },
  },
];

describe('queryDns', () => {
  it('decodes the answer with its TTL, sending recursion only when asked', async () => {
    let recursion: boolean | undefined;
    const port = await udpServer((query, send) => {
      recursion = ((query.flags ?? 0) & (1 << 8)) !== 0;
      send(reply(query, { flags: 1 << 10, answers: MX }));
    });
    const result = await queryDns({ host: '127.0.0.1', port }, 'example.test', 'MX', {
      timeoutMs: 1000,
      recursionDesired: false,
    });
    expect(recursion).toBe(false);
    expect(result).toEqual({
      ok: true,
      rcode: 'NOERROR',
      authoritative: true,
      answers: [
        {
          name: 'example.test',
          type: 'MX',
          ttl: 7200,
          value: { preference: 5, exchange: 'mx.example.test' },
        },
      ],
      authorities: [],
    });
  });

  it('ignores a reply with another id and repeats a truncated answer over TCP', async () => {
    const tcp: Server = createServer((socket) => {
      socket.once('data', (data) => {
        const query = decode(data.subarray(2));
        socket.end(streamEncode(reply(query, { answers: MX })));
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => tcp.close());
    const address = tcp.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // UDP on the same port number; UDP and TCP ports are separate, so this is free in practice.
    await udpServer((query, send) => {
      send({ ...reply(query, { answers: [] }), id: ((query.id ?? 0) + 1) % 65536 });
      send(reply(query, { flags: TRUNCATED_RESPONSE, answers: [] }));
    }, port);
    const result = await queryDns({ host: '127.0.0.1', port }, 'example.test', 'MX', {
      timeoutMs: 1000,
      recursionDesired: true,
    });
    expect(result.ok && result.answers.map((record) => record.ttl)).toEqual([7200]);
  });

  it('reports NXDOMAIN as an answer, and a silent server as timed out on time', async () => {
    const nx = await udpServer((query, send) => send(reply(query, { flags: 3 })));
    const nxResult = await queryDns({ host: '127.0.0.1', port: nx }, 'no.example.test', 'A', {
      timeoutMs: 1000,
      recursionDesired: true,
    });
    expect(nxResult).toMatchObject({ ok: true, rcode: 'NXDOMAIN', answers: [] });

    const silent = await udpServer(() => undefined);
    const started = Date.now();
    const result = await queryDns({ host: '127.0.0.1', port: silent }, 'example.test', 'MX', {
      timeoutMs: 400,
      recursionDesired: true,
    });
    const elapsed = Date.now() - started;
    expect(result).toEqual({
      ok: false,
      error: 'timed-out',
      detail: `127.0.0.1 port ${silent} did not answer within 0.4 s`,
    });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(900);
  });
});
