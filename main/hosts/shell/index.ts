// The Electron shell: the window, the IPC wiring and safeStorage. Everything else is in the
// services, which never import electron and also run headless (CLI, web host).
import { app, BrowserWindow, dialog, ipcMain, Notification, safeStorage } from 'electron';
import { join } from 'node:path';
import { createServices } from '../services.ts';
import type { Services } from '../services.ts';
import { systemClock } from '../../infrastructure/clock.ts';
import { DATABASE_FILE, keyFileFor } from '../../infrastructure/paths.ts';
import { openDatabase } from '../../infrastructure/store/database.ts';
import { keyFileCipher } from '../headless/open-headless-services.ts';
import { noKeychainNotice, systemKeychainProtects } from './keychain-choice.ts';
import { createSafeStorageCipher } from './safe-storage-cipher.ts';
import { createMainWindow, rendererOrigin } from './create-window.ts';
import { wireIpc } from './ipc-bridge.ts';

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: Services | null = null;
  let unwire: (() => void) | null = null;

  const open = () => {
    if (!services) return;
    const origin = rendererOrigin();
    const window = createMainWindow(origin);
    unwire?.();
    unwire = wireIpc(services, ipcMain, window, origin);
  };

  // Starting Cutover again shows the running one, also when its window was closed during a job.
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    } else open();
  });

  app.whenReady().then(() => {
    try {
      const databasePath = join(app.getPath('userData'), DATABASE_FILE);
      const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
      if (systemKeychainProtects(process.platform, safeStorage.isEncryptionAvailable(), backend)) {
        services = createServices({
          databasePath,
          cipher: createSafeStorageCipher(),
          clock: systemClock,
          host: 'electron',
          version: app.getVersion(),
          secretStorage: 'the system keychain (Electron safeStorage)',
        });
      } else {
        // The key file the CLI uses for the same database: both read the same passwords.
        const db = openDatabase(databasePath);
        const keyed = keyFileCipher(db, databasePath);
        services = createServices({
          databasePath,
          db,
          cipher: keyed.cipher,
          clock: systemClock,
          host: 'electron',
          version: app.getVersion(),
          secretStorage: `${keyed.secretStorage} (this computer has no keyring)`,
        });
        if (keyed.created)
          void dialog.showMessageBox({
            type: 'info',
            title: 'Where Cutover keeps passwords',
            message: noKeychainNotice(keyFileFor(databasePath)),
          });
      }
    } catch (error) {
      dialog.showErrorBox('Cutover cannot start', (error as Error).message);
      app.quit();
      return;
    }
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });

  // Closing the window does not stop a job: Cutover keeps copying and quits when the jobs are
  // done, unless a window was opened again meanwhile.
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin') return;
    const busy = services?.jobManager.list().some((job) => job.running) ?? false;
    if (!busy || !services) {
      app.quit();
      return;
    }
    if (Notification.isSupported()) {
      new Notification({
        title: 'Cutover keeps copying mail',
        body: 'The migration goes on without the window. Open Cutover again to see where it is; it closes by itself when the copying is done.',
      }).show();
    }
    void services.jobManager.idle().then(() => {
      if (BrowserWindow.getAllWindows().length === 0) app.quit();
    });
  });

  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !services) return;
    // Let running jobs stop after the messages in flight, so the ledger is up to date.
    event.preventDefault();
    quitting = true;
    unwire?.();
    void services.shutdown().finally(() => app.quit());
  });
}
