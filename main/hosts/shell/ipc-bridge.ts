import { callNames } from '../../../preload/contract.ts';
import { callChannel, eventChannel } from '../../../preload/ipc-channels.ts';
import type { Services } from '../services.ts';
import { isTrustedRendererUrl } from '../../infrastructure/security/navigation-policy.ts';
import type { RendererOrigin } from '../../infrastructure/security/navigation-policy.ts';

/** What an IPC call's event tells about its sender (Electron's IpcMainInvokeEvent, in part). */
export interface IpcSender {
  senderFrame?: { url: string; parent: unknown } | null;
}

/** The part of Electron's ipcMain the bridge uses, so it is tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSender, args: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of a BrowserWindow events go to. */
export interface EventWindow {
  isDestroyed(): boolean;
  webContents: { send(channel: string, payload: unknown): void };
}

/**
 * One ipcMain handler per contract call. Each checks the sending frame is our page before the
 * dispatcher validates the arguments. Events go to the window while it exists.
 */
export function wireIpc(
  services: Pick<Services, 'dispatch' | 'bus'>,
  ipc: IpcMainLike,
  window: EventWindow,
  origin: RendererOrigin,
): () => void {
  for (const name of callNames) {
    ipc.handle(callChannel(name), (event, args: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (event.senderFrame?.parent || !isTrustedRendererUrl(url, origin)) {
        return {
          ok: false,
          error: { code: 'untrusted-sender', message: 'This call did not come from the Cutover window.' },
        };
      }
      return services.dispatch(name, args);
    });
  }
  const stopEvents = services.bus.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
  });
  return () => {
    stopEvents();
    for (const name of callNames) ipc.removeHandler(callChannel(name));
  };
}
