import { safeStorage } from 'electron';
import type { SecretCipher } from '../../infrastructure/secrets/secret-cipher.ts';

/** Passwords encrypted with the OS keychain (Keychain, DPAPI, libsecret/kwallet). */
export function createSafeStorageCipher(): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error(
      'This computer offers no secure storage for passwords (on Linux: install and unlock a keyring such as GNOME Keyring or KWallet), so Cutover cannot keep passwords safely.',
    );
  }
  return {
    scheme: 'electron-safe-storage',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
