import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import type { LogLine } from '../../preload/contract.ts';
import { createServices } from '../../main/hosts/services.ts';
import type { Services } from '../../main/hosts/services.ts';
import { createAesGcmCipher } from '../../main/infrastructure/secrets/aes-gcm-cipher.ts';
import { systemClock } from '../../main/infrastructure/clock.ts';
import { startWebHost } from '../../main/hosts/web-host/web-host.ts';
import type { WebHost } from '../../main/hosts/web-host/web-host.ts';
import {
  DISCONNECTED_MESSAGE,
  createWebSocketBridge,
  readToken,
} from '../../renderer/app/bridge/web-socket-bridge.ts';
import type { WebSocketBridge, WebSocketLike } from '../../renderer/app/bridge/web-socket-bridge.ts';

// The bridge runs against the real web host. A browser sends Origin on its own; in Node the
// `ws` client is told to, which the host requires.
let dir: string;
let services: Services;
let host: WebHost;
const bridges: WebSocketBridge[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cutover-bridge-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>test</title>');
  services = createServices({
    databasePath: join(dir, 'cutover.db'),
    cipher: createAesGcmCipher(randomBytes(32)),
    clock: systemClock,
    host: 'web',
    version: '0',
    secretStorage: 'test',
  });
  host = await startWebHost({ services, staticDir, port: 0 });
});

afterEach(async () => {
  for (const bridge of bridges.splice(0)) bridge.close();
  await host.close();
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A bridge for the page the host's printed URL opens. */
function openBridge(url = host.url, retryDelays = [20, 40]): WebSocketBridge {
  const page = new URL(url);
  const origin = `http://127.0.0.1:${host.port}`;
  const bridge = createWebSocketBridge(page, {
    connect: (address) => new WsWebSocket(address, { origin }) as unknown as WebSocketLike,
    retryDelays,
  });
  bridges.push(bridge);
  return bridge;
}

describe('WebSocket bridge', () => {
  it('reads the key from the address fragment', () => {
    expect(readToken('#token=abc-123')).toBe('abc-123');
    expect(readToken('')).toBeNull();
    expect(readToken('#token=')).toBeNull();
  });

  it('round-trips calls made before the socket is open', async () => {
    const api = openBridge();
    const created = await api.projects.create({
      name: 'Acme move',
      customer: 'Acme Ltd',
      domains: ['acme.example'],
      cutoverDate: '2026-03-02',
    });
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Acme move', domains: ['acme.example'] },
    });
    const listed = await api.projects.list();
    expect(listed.ok && listed.value.map((p) => p.name)).toEqual(['Acme move']);
  });

  it('returns invalid arguments with the field that was wrong', async () => {
    const api = openBridge();
    const result = await api.projects.create({
      name: 'Bad domains',
      domains: ['example.com', 'not a domain'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-arguments');
    expect(result.error.field).toBe('domains.1');
  });

  it('delivers log lines main pushes, until the listener unsubscribes', async () => {
    const api = openBridge();
    await api.app.info(); // connected
    const received: LogLine[] = [];
    const unsubscribe = api.events.onLogLine((line) => received.push(line));
    services.eventLog.append({ level: 'info', message: 'first line' });
    await waitFor(() => received.length === 1);
    expect(received[0]?.message).toBe('first line');

    unsubscribe();
    services.eventLog.append({ level: 'info', message: 'second line' });
    // A call made after the append is answered after the event was sent, so it has arrived.
    await api.app.info();
    expect(received.map((l) => l.message)).toEqual(['first line']);
  });

  it('is refused with a wrong key', async () => {
    const wrong = host.url.replace(/#token=.*/, '#token=not-the-key');
    const api = openBridge(wrong, [1000]);
    const result = await api.projects.list();
    expect(result).toEqual({
      ok: false,
      error: { code: 'disconnected', message: DISCONNECTED_MESSAGE },
    });

    // What the bridge saw as a drop is the host's 403 on the upgrade.
    const status = await new Promise<number>((resolve) => {
      const socket = new WsWebSocket(`ws://127.0.0.1:${host.port}/api?token=not-the-key`, {
        origin: `http://127.0.0.1:${host.port}`,
      });
      socket.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('answers a call in flight when the host goes away, then reconnects', async () => {
    const api = openBridge();
    expect((await api.app.info()).ok).toBe(true);
    const inFlight = api.projects.list();
    const { port } = host;
    const token = readToken(new URL(host.url).hash) ?? '';
    await host.close();
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'disconnected', message: DISCONNECTED_MESSAGE },
    });

    host = await startWebHost({ services, staticDir: join(dir, 'static'), port, token });
    await waitFor(async () => (await api.app.info()).ok, 5000);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
