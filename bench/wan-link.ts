// A WAN on loopback: TCP proxies on 127.0.0.1 that carry each direction over one shared link
// with a set bandwidth and one-way delay. Every proxy made from one link shares it, as the
// connections of one office share its line: all downloads queue on the down direction, all
// uploads on the up direction. A chunk leaves when the link has finished sending the ones
// before it (bytes ÷ bandwidth) and arrives `delayMs` later, in order. A sender is paused
// while its connection has more than a TCP window in flight, as a real sender would be.
import { Socket, createServer } from 'node:net';
import type { Server } from 'node:net';
import { trackPair } from '../test/harness/socket-pair.ts';

export interface LinkProfile {
  name: string;
  /** One-way delay; the round trip is twice this. */
  delayMs: number;
  /** Per direction; Infinity for no limit. */
  bitsPerSecond: number;
}

export interface WanLink {
  /** A port on 127.0.0.1 that reaches `target` across the link. */
  proxy(target: { host: string; port: number }): Promise<number>;
  /** Bytes carried so far, per direction (down: server to client). */
  carried(): { up: number; down: number };
  /**
   * How busy each direction was, in percent per half second, since the last call (from its
   * first chunk): where a run leaves the link idle.
   */
  busyTimeline(): { up: number[]; down: number[] };
  stop(): Promise<void>;
}

/** Bytes a connection may have in flight before its sender waits (a large TCP window). */
const WINDOW_BYTES = 4 * 1024 * 1024;

interface Direction {
  /** When the link has finished sending what is queued (performance.now() ms). */
  freeAt: number;
  bytes: number;
  /** Sending time per half second since `since` (null: nothing sent since the last timeline). */
  busyMs: number[];
  since: number | null;
}

const SLOT_MS = 500;

export function startWanLink(profile: LinkProfile): WanLink {
  const directions: { up: Direction; down: Direction } = {
    up: { freeAt: 0, bytes: 0, busyMs: [], since: null },
    down: { freeAt: 0, bytes: 0, busyMs: [], since: null },
  };
  const servers: Server[] = [];
  const sockets = new Set<Socket>();

  /**
   * Carries `from`'s bytes to `to` over one direction of the link. Chunks wait in a queue of
   * their own connection and leave it in order: timers alone would reorder two chunks whose
   * fractional delays round differently.
   */
  const carry = (from: Socket, to: Socket, direction: Direction) => {
    const queue: Array<{ chunk: Buffer; at: number }> = [];
    let inFlight = 0;
    let ended = false;
    let timer: NodeJS.Timeout | null = null;
    const deliver = () => {
      timer = null;
      const now = performance.now();
      while (queue.length > 0 && queue[0]!.at <= now + 0.5) {
        const { chunk } = queue.shift()!;
        inFlight -= chunk.length;
        if (!to.destroyed) to.write(chunk);
      }
      if (inFlight <= WINDOW_BYTES && from.isPaused() && !from.destroyed) from.resume();
      if (queue.length > 0) schedule();
      else if (ended) to.end();
    };
    const schedule = () => {
      if (timer === null && queue.length > 0)
        timer = setTimeout(deliver, Math.max(0, queue[0]!.at - performance.now()));
    };
    from.on('data', (chunk: Buffer) => {
      const now = performance.now();
      const sendMs =
        profile.bitsPerSecond === Infinity ? 0 : (chunk.length * 8 * 1000) / profile.bitsPerSecond;
      const start = Math.max(now, direction.freeAt);
      direction.since ??= start;
      const slot = Math.floor((start - direction.since) / SLOT_MS);
      direction.busyMs[slot] = (direction.busyMs[slot] ?? 0) + sendMs;
      direction.freeAt = start + sendMs;
      direction.bytes += chunk.length;
      inFlight += chunk.length;
      queue.push({ chunk, at: direction.freeAt + profile.delayMs });
      if (inFlight > WINDOW_BYTES) from.pause();
      schedule();
    });
    from.on('end', () => {
      ended = true;
      if (queue.length === 0) to.end();
    });
  };

  return {
    async proxy(target) {
      const server = createServer((client) => {
        const upstream = new Socket();
        // A clean close reaches the other side as an end, after the bytes still on the link.
        trackPair(sockets, client, upstream);
        // TCP's handshake crosses the link too: the client may send after one round trip, and
        // the server accepts (and greets) after one and a half.
        upstream.connect(target.port, target.host);
        client.pause();
        upstream.pause();
        setTimeout(() => client.resume(), 2 * profile.delayMs);
        setTimeout(() => upstream.resume(), 3 * profile.delayMs);
        carry(client, upstream, directions.up);
        carry(upstream, client, directions.down);
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('The WAN proxy did not get a port.');
      return address.port;
    },
    carried: () => ({ up: directions.up.bytes, down: directions.down.bytes }),
    busyTimeline: () => {
      const take = (direction: Direction) => {
        const percent = Array.from(direction.busyMs, (ms) =>
          Math.min(100, Math.round(((ms ?? 0) * 100) / SLOT_MS)),
        );
        direction.busyMs = [];
        direction.since = null;
        return percent;
      };
      return { up: take(directions.up), down: take(directions.down) };
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}

/** The link's profiles: plain loopback, a good office line, a typical one, a far one. */
export const PROFILES: readonly LinkProfile[] = [
  { name: 'loopback', delayMs: 0, bitsPerSecond: Infinity },
  { name: 'office', delayMs: 5, bitsPerSecond: 1e9 },
  { name: 'typical', delayMs: 20, bitsPerSecond: 100e6 },
  { name: 'far', delayMs: 75, bitsPerSecond: 20e6 },
];

export function describeProfile(profile: LinkProfile): string {
  if (profile.delayMs === 0 && profile.bitsPerSecond === Infinity) return 'plain loopback';
  const rate =
    profile.bitsPerSecond >= 1e9
      ? `${profile.bitsPerSecond / 1e9} Gbit/s`
      : `${profile.bitsPerSecond / 1e6} Mbit/s`;
  return `${profile.delayMs * 2} ms round trip, ${rate} each way`;
}
