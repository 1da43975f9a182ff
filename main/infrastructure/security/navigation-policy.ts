// Decisions the Electron shell asks about URLs. Pure, so they are tested without Electron.

/** Where the window's own pages come from: the built file, or the dev server during `npm run dev`. */
export interface RendererOrigin {
  /** file:// URL of out/renderer/index.html. */
  indexUrl: string;
  /** ELECTRON_RENDERER_URL when running the dev server, else null. */
  devServerUrl: string | null;
}

/**
 * The dev server the window may load: `ELECTRON_RENDERER_URL`, which electron-vite sets for
 * `npm run dev`, only in a build that is not packaged and only on this computer. A packaged app
 * ignores it: anyone who could set the variable could otherwise give the window (and IPC's trust)
 * a page of theirs.
 */
export function devServerUrlFrom(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const url = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
    return (protocol === 'http:' || protocol === 'https:') && local ? url : null;
  } catch {
    return null;
  }
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
