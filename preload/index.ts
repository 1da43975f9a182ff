// The Electron preload: exposes `window.cutover`, the named API, and nothing else.
// Sandboxed, so it is bundled to one CommonJS file that may only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { callNames } from './contract.ts';
import type { EventPayloads, Invoke, Subscribe } from './contract.ts';
import { createApi } from './create-api.ts';
import { callChannel, eventChannel } from './ipc-channels.ts';

const invoke: Invoke = (name, args) => ipcRenderer.invoke(callChannel(name), args);

const subscribe: Subscribe = (name, listener) => {
  // The event object carries `sender`; the page must never see it.
  const handler = (_event: IpcRendererEvent, payload: EventPayloads[typeof name]) => listener(payload);
  ipcRenderer.on(eventChannel(name), handler);
  return () => {
    ipcRenderer.removeListener(eventChannel(name), handler);
  };
};

contextBridge.exposeInMainWorld('cutover', createApi(invoke, subscribe, { names: callNames }));
