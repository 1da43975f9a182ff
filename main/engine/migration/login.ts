// The login code: the one place of the engine that turns a credential into the secret it
// names, at the moment a connection logs in. Nothing else in main/migration reads a password.
import type { ImapLogin } from '../../infrastructure/protocols/imap/open-imap.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { Credential } from './credential.ts';
import { MigrationError } from './migration-error.ts';

export interface SecretReader {
  reveal(id: number): string;
}

/** The IMAP login a credential stands for, decrypted (or an access token fetched) now. */
export async function imapLogin(
  credential: Credential,
  secrets: SecretReader,
  tokens: AccessTokens,
): Promise<ImapLogin> {
  switch (credential.kind) {
    case 'password':
      return { user: credential.user, password: secrets.reveal(credential.secretId) };
    case 'admin':
      return {
        user: credential.user,
        password: secrets.reveal(credential.secretId),
        authzid: credential.authzid,
      };
    case 'oauth2':
      return {
        user: credential.user,
        accessToken: await tokens.forMailbox(credential.grant, credential.user),
      };
  }
}

/** The user and password of a POP3 login (POP3 has no admin or OAuth2 login here). */
export function pop3Login(credential: Credential, secrets: SecretReader): { user: string; password: string } {
  if (credential.kind !== 'password')
    throw new MigrationError('internal', `POP3 signs in with a password only, not as ${credential.kind}.`);
  return { user: credential.user, password: secrets.reveal(credential.secretId) };
}
