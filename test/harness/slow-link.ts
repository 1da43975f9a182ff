// A TCP proxy on 127.0.0.1 that hands the server's bytes to the client at a set rate, so a job
// takes long enough for a test to act while it runs (a second process, a pause, a kill).
import { createServer, connect } from 'node:net';
import type { Socket } from 'node:net';
import { trackPair } from './socket-pair.ts';

export interface SlowLink {
  /** Connect here instead of the server's own port. */
  port: number;
  /** Holds the server's bytes back until `resume()`: the job stands still, mid-copy. */
  hold(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startSlowLink(
  target: { host: string; port: number },
  bytesPerSecond: number,
): Promise<SlowLink> {
  const sockets = new Set<Socket>();
  let held = false;
  const waiting: Array<() => void> = [];
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    trackPair(sockets, client, upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      const deliver = () => {
        if (held) return void waiting.push(deliver);
        if (!client.destroyed) client.write(chunk);
        upstream.resume();
      };
      setTimeout(deliver, Math.ceil((chunk.length / bytesPerSecond) * 1000));
    });
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The slow link did not get a port.');
  return {
    port: address.port,
    hold: () => void (held = true),
    resume() {
      held = false;
      for (const deliver of waiting.splice(0)) deliver();
    },
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
