// Whether the desktop app can leave its passwords to the system keychain (Electron
// safeStorage). Pure, so it is tested without Electron.

/**
 * On Linux without a keyring (no GNOME Keyring, KWallet or other Secret Service), Electron's
 * safeStorage still "encrypts", with a key built into Chromium (backend `basic_text`): that is no
 * protection, so Cutover uses a key file of its own instead and says so.
 */
export function systemKeychainProtects(
  platform: NodeJS.Platform,
  encryptionAvailable: boolean,
  backend: string | null,
): boolean {
  if (!encryptionAvailable) return false;
  return !(platform === 'linux' && (backend === 'basic_text' || backend === 'unknown'));
}

/** What the user is told, once, when the key file is made instead. */
export function noKeychainNotice(keyFile: string): string {
  return `This computer has no keyring (such as GNOME Keyring or KWallet), so the system cannot keep passwords safe. Cutover encrypts them with a key of its own instead, in ${keyFile}, which only your user account can read. Keep that file with the database: without it the stored passwords cannot be read, and anyone who can read both files can read them. To use a keyring instead, install one (for example gnome-keyring) and sign in again.`;
}
