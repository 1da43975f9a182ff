import type { ProfileSignIn } from '../preload/contract/types.ts';
import type { OAuth2Client } from './oauth2-provider.ts';

/**
 * How Cutover signs in to one side's mailboxes, stored in a job's spec: secrets by reference
 * (encrypted in the secrets table), never in clear.
 */
export type SignIn =
  /** Each mailbox's own password (the users list). */
  | { method: 'password' }
  /** Each user signs in once in the browser; the account's stored secret is its refresh token. */
  | { method: 'user'; client: OAuth2Client; clientSecretId: number | null }
  /**
   * The organisation's app, for every mailbox (Microsoft 365 app-only: client credentials). Its
   * stored secret is the client secret, or with `clientAuth: 'certificate'` the app's certificate
   * and private key (PEM); jobs stored before certificates have no `clientAuth`.
   */
  | { method: 'app'; client: OAuth2Client; clientSecretId: number; clientAuth?: 'certificate' }
  /** A service account acting as each user (Google Workspace domain-wide delegation). */
  | { method: 'delegation'; client: OAuth2Client; keySecretId: number };

export type SignInMethod = SignIn['method'];

export const PASSWORD_SIGN_IN: SignIn = { method: 'password' };

/** A side's sign-in as a job request gives it: secrets in clear, stored encrypted at once. */
export type SignInRequest =
  | { method: 'password' }
  | { method: 'user'; client: OAuth2Client; clientSecret?: string | null }
  /** Exactly one of the two: the client secret, or the certificate with its private key (PEM text). */
  | { method: 'app'; client: OAuth2Client; clientSecret?: string; certificate?: string }
  /** `serviceAccountKey`: the JSON key file's text. */
  | { method: 'delegation'; client: OAuth2Client; serviceAccountKey: string };

/** Which stored secret of a sign-in: an app's client secret (or certificate), or a service account key. */
export type SignInSecretSlot = 'clientSecret' | 'key';

/** The request's sign-in as stored: each secret handed to `put`, which stores it and gives its id. */
export function storeSignIn(
  request: SignInRequest,
  put: (slot: SignInSecretSlot, plain: string) => number,
): SignIn {
  switch (request.method) {
    case 'password':
      return { method: 'password' };
    case 'user':
      return {
        method: 'user',
        client: request.client,
        clientSecretId: request.clientSecret ? put('clientSecret', request.clientSecret) : null,
      };
    case 'app':
      return request.certificate
        ? {
            method: 'app',
            client: request.client,
            clientSecretId: put('clientSecret', request.certificate),
            clientAuth: 'certificate',
          }
        : {
            method: 'app',
            client: request.client,
            clientSecretId: put('clientSecret', request.clientSecret ?? ''),
          };
    case 'delegation':
      return {
        method: 'delegation',
        client: request.client,
        keySecretId: put('key', request.serviceAccountKey),
      };
  }
}

/** What the UI sees of a server whose mailboxes sign in with their passwords. */
export const PASSWORD_PROFILE_SIGN_IN: ProfileSignIn = {
  method: 'password',
  provider: null,
  issuer: null,
  tenant: null,
  clientId: null,
  hasSecret: false,
  hasCertificate: false,
};
