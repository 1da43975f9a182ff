/// <reference types="vite/client" />
// Globals the renderer relies on: Vite's asset imports (CSS) and the Electron preload's API.
import type { CutoverApi } from '../preload/contract.ts';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent when a browser opens the web host. */
    cutover?: CutoverApi;
  }
}
