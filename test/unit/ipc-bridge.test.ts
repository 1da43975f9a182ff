import { describe, expect, it } from 'vitest';
import { wireIpc } from '../../main/hosts/shell/ipc-bridge.ts';
import type { IpcMainLike, IpcSender } from '../../main/hosts/shell/ipc-bridge.ts';
import { callNames } from '../../preload/contract.ts';
import { callChannel, eventChannel } from '../../preload/ipc-channels.ts';
import { createTestServices } from '../support/test-services.ts';

// The Electron IPC path below Electron: the bridge registered on a stand-in for ipcMain, called
// as the window's frames would call it.
const origin = { indexUrl: 'file:///opt/Cutover/resources/app/out/renderer/index.html', devServerUrl: null };
const ourPage: IpcSender = { senderFrame: { url: `${origin.indexUrl}#/projects`, parent: null } };

function fakeIpc() {
  const handlers = new Map<string, (event: IpcSender, args: unknown) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (name: string, event: IpcSender, args: unknown) => {
    const handler = handlers.get(`cutover:call:${name}`);
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(event, args);
  };
  return { ipc, handlers, invoke };
}

function fakeWindow() {
  const sent: Array<[string, unknown]> = [];
  let destroyed = false;
  return {
    sent,
    destroy: () => (destroyed = true),
    window: {
      isDestroyed: () => destroyed,
      webContents: { send: (channel: string, payload: unknown) => sent.push([channel, payload]) },
    },
  };
}

const services = createTestServices();

describe('the IPC bridge', () => {
  it('answers every contract call from our page through the dispatcher', async () => {
    const { ipc, handlers, invoke } = fakeIpc();
    const unwire = wireIpc(services, ipc, fakeWindow().window, origin);
    expect([...handlers.keys()].sort()).toEqual(callNames.map((name) => callChannel(name)).sort());
    expect(await invoke('app.info', ourPage, {})).toMatchObject({ ok: true, value: { host: 'web' } });
    // The dispatcher still validates what the page sends.
    expect(await invoke('projects.create', ourPage, { name: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    unwire();
    expect(handlers.size).toBe(0);
  });

  it.each([
    [
      'another page the window was navigated to',
      { senderFrame: { url: 'https://evil.example/', parent: null } },
    ],
    ['an iframe inside our page', { senderFrame: { url: origin.indexUrl, parent: {} } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses a call from %s', async (_who, sender) => {
    const { ipc, invoke } = fakeIpc();
    const unwire = wireIpc(services, ipc, fakeWindow().window, origin);
    expect(await invoke('projects.list', sender, {})).toEqual({
      ok: false,
      error: { code: 'untrusted-sender', message: 'This call did not come from the Cutover window.' },
    });
    unwire();
  });

  it('sends events to the window while it exists, and none once unwired', () => {
    const { ipc } = fakeIpc();
    const { window, sent, destroy } = fakeWindow();
    const unwire = wireIpc(services, ipc, window, origin);
    const line = {
      id: 1,
      at: 't',
      level: 'info',
      projectId: null,
      jobId: null,
      account: null,
      folder: null,
      code: null,
      message: 'hello',
    };
    services.bus.emit('log.line', line as never);
    expect(sent).toEqual([[eventChannel('log.line'), line]]);
    destroy();
    services.bus.emit('log.line', line as never);
    expect(sent).toHaveLength(1);
    unwire();
  });
});
