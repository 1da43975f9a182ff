// The one place that knows how the renderer reaches main: the Electron preload's
// `window.cutover`, else the web host's WebSocket. Everything else just gets a CutoverApi.
import type { CutoverApi } from '../../../preload/contract.ts';
import { createWebSocketBridge, readToken } from './web-socket-bridge.ts';

export type PickedBridge = { ok: true; api: CutoverApi } | { ok: false; reason: 'no-key' };

/** No preload and no `#token=` in the address: the page cannot reach Cutover at all. */
export function pickBridge(win: Window = window): PickedBridge {
  if (win.cutover) return { ok: true, api: win.cutover };
  if (readToken(win.location.hash) === null) return { ok: false, reason: 'no-key' };
  return { ok: true, api: createWebSocketBridge(win.location) };
}
