/**
 * Encrypts passwords before they reach the database. The app uses Electron's safeStorage
 * (the OS keychain); the headless hosts use AES-256-GCM with a key of their own.
 */
export interface SecretCipher {
  /** Stored beside each ciphertext so a database opened by the other host says why it cannot decrypt. */
  readonly scheme: string;
  encrypt(plain: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}
