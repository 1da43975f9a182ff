import { app, BrowserWindow, dialog, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { devServerUrlFrom, shouldOpenExternally } from '../../infrastructure/security/navigation-policy.ts';
import type { RendererOrigin } from '../../infrastructure/security/navigation-policy.ts';
import { createDownloadBatches } from './download-batches.ts';

/** The out/ folder electron-vite builds into (this file is bundled to out/main/index.js). */
const OUT_DIR = join(import.meta.dirname, '..');

export function rendererOrigin(): RendererOrigin {
  return {
    indexUrl: pathToFileURL(join(OUT_DIR, 'renderer', 'index.html')).href,
    devServerUrl: devServerUrlFrom(process.env, app.isPackaged),
  };
}

/** The one window: sandboxed, isolated, no Node, no navigation away, no new windows. */
export function createMainWindow(origin: RendererOrigin): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    title: 'Cutover',
    show: false,
    webPreferences: {
      preload: join(OUT_DIR, 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (shouldOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (shouldOpenExternally(url)) void shell.openExternal(url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Every permission is refused except writing text to the clipboard (the notices' "Copy text").
  window.webContents.session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  // Several files saved one after another (a draft per user) go into one folder chosen once.
  const downloads = createDownloadBatches({
    askFolder: (first) =>
      dialog.showOpenDialogSync(window, {
        title: `Save ${first} and the files that come with it`,
        buttonLabel: 'Save here',
        defaultPath: app.getPath('downloads'),
        properties: ['openDirectory', 'createDirectory'],
      })?.[0] ?? null,
    exists: existsSync,
  });
  // The session outlives the window: a window opened again must not answer twice.
  const { session } = window.webContents;
  const onDownload = (_event: Electron.Event, item: Electron.DownloadItem) => {
    const path = downloads.savePathFor(item.getFilename());
    if (path === null) item.cancel();
    else item.setSavePath(path);
  };
  session.on('will-download', onDownload);
  window.once('closed', () => session.removeListener('will-download', onDownload));
  if (origin.devServerUrl) void window.loadURL(origin.devServerUrl);
  else void window.loadURL(origin.indexUrl);
  return window;
}
