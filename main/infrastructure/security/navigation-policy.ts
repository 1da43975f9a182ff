// Decisions the Electron shell asks about URLs. Pure, so they are tested without Electron.

/** Where the window's own pages come from: the built file, or the dev server during `npm run dev`. */
export interface RendererOrigin {
  /** file:// URL of out/renderer/index.html. */
  indexUrl: string;
  /** ELECTRON_RENDERER_URL when running the dev server, else null. */
  devServerUrl: string | null;
}

/** True when an IPC call comes from our own page, not from an iframe or a page navigated elsewhere. */
export function isTrustedRendererUrl(url: string, origin: RendererOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devServerUrl !== null) {
    const dev = new URL(origin.devServerUrl);
    if (parsed.origin === dev.origin) return true;
  }
  const index = new URL(origin.indexUrl);
  return parsed.protocol === 'file:' && parsed.pathname === index.pathname;
}

/** Links the user clicks open in the system browser only when they are https. */
export function shouldOpenExternally(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
