import { join } from 'node:path';

/**
 * Where Electron keeps the app's data (`app.getPath('userData')` for an app named Cutover),
 * so the CLI and web host open the same database as the desktop app by default.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Cutover');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Cutover');
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'Cutover');
}

export const DATABASE_FILE = 'cutover.db';

/** The headless key file lives beside the database it unlocks. */
export function keyFileFor(databasePath: string): string {
  return `${databasePath}.key`;
}
