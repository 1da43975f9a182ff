// The one-shot web listener a browser sign-in comes back to (RFC 8252 §7.3): only on
// 127.0.0.1, on a port the system picks, for one callback; it stops listening once that
// callback is answered.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALLBACK_PATH = '/callback';

export interface Callback {
  /** The full address the browser was sent to, with the provider's query. */
  url: URL;
  /** Answers the browser with a page; the listener stops afterwards. */
  answer(status: number, html: string): void;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/callback`, the redirect URI of this sign-in. */
  redirectUri: string;
  /** Resolves with the first request to the callback path. */
  callback: Promise<Callback>;
  close(): void;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
  Connection: 'close',
};

export async function listenOnLoopback(): Promise<LoopbackListener> {
  let arrived: (callback: Callback) => void = () => {};
  const callback = new Promise<Callback>((resolve) => (arrived = resolve));
  let taken = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', redirectUri);
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return send(res, 404, 'Not found.');
    if (taken) return send(res, 409, 'This sign-in has already come back to Cutover.');
    taken = true;
    arrived({
      url,
      answer: (status, html) => {
        send(res, status, html);
        res.once('finish', close);
      },
    });
  });
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
  return { redirectUri, callback, close };
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, PAGE_HEADERS).end(body);
}
