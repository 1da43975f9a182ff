import { ipcMain } from 'electron';
import type { BrowserWindow } from 'electron';
import { callNames } from '../../preload/contract.ts';
import { callChannel, eventChannel } from '../../preload/ipc-channels.ts';
import type { Services } from '../services.ts';
import { isTrustedRendererUrl } from '../security/navigation-policy.ts';
import type { RendererOrigin } from '../security/navigation-policy.ts';

/**
 * One ipcMain handler per contract call. Each checks the sending frame is our page before the
 * dispatcher validates the arguments. Events go to the window while it exists.
 */
export function wireIpc(services: Services, window: BrowserWindow, origin: RendererOrigin): () => void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event, args: unknown) => {
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
    for (const name of callNames) ipcMain.removeHandler(callChannel(name));
  };
}
