import type { Socket } from 'node:net';

/**
 * Ties a proxy's two sockets together: both are kept in `open` until they close (so the proxy
 * can destroy what is left when it stops), and an error on either destroys both.
 */
export function trackPair(open: Set<Socket>, client: Socket, upstream: Socket): void {
  for (const socket of [client, upstream]) {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
}
