import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Services } from '../services.ts';
import { API_PATH } from '../../../preload/web-socket-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../infrastructure/content-security-policy.ts';
import { isLoopbackHost, isOwnOrigin, tokenMatches } from './request-guard.ts';
import { serveApiOverWebSocket } from './web-socket-api.ts';

export interface WebHostOptions {
  services: Services;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface WebHost {
  /** Open this in a browser; the token is in the fragment, so it never reaches a server log. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

/**
 * The renderer and the API for a browser, on 127.0.0.1 only, for machines where Electron
 * cannot start and for end-to-end tests. Only someone holding the printed URL can use the API.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const files = sirv(options.staticDir, {
    single: true,
    dev: false,
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain' })
        .end('Wrong host name; use the URL Cutover printed.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    files(req, res, () => {
      res.writeHead(404).end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === API_PATH &&
      isLoopbackHost(req.headers.host, port) &&
      isOwnOrigin(req.headers.origin, port) &&
      tokenMatches(url.searchParams.get('token'), token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveApiOverWebSocket(ws, options.services));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
