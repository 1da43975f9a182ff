import { spawn } from 'node:child_process';

/** Whether a browser can be shown here: a desktop session, not a server over SSH. */
export function hasDesktop(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return !env['SSH_CONNECTION'];
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

/**
 * Tries to open `url` in the desktop's browser, without waiting and without complaint: the
 * address is printed anyway, for the user to open by hand.
 */
export function tryOpenBrowser(url: string, platform = process.platform): void {
  // rundll32 takes the address as it is; `start` would need the shell's quoting of `&`.
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this system: the printed address is enough.
  }
}
