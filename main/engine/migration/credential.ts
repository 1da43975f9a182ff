// How Cutover signs in to one mailbox, by reference: a credential names the stored secret, and
// the secret itself is read only by the login code (login.ts), at the moment of login.

import type { OAuth2Client } from '../../../shared/oauth2-provider.ts';

/** Where a mailbox's OAuth2 access token comes from: the grant, its secret by reference. */
export type OAuth2Grant =
  /** The user's own sign-in: the stored secret is its refresh token (replaced when rotated). */
  | { type: 'refresh-token'; client: OAuth2Client; clientSecretId: number | null; refreshTokenId: number }
  /** App-only access to every mailbox (client credentials), with the app's secret or certificate. */
  | {
      type: 'client-credentials';
      client: OAuth2Client;
      clientSecretId: number;
      clientAuth: 'secret' | 'certificate';
    }
  /** A service account's key, acting as the mailbox's user (JWT bearer). */
  | { type: 'jwt-bearer'; client: OAuth2Client; keySecretId: number };

export type Credential =
  /** The mailbox's own login and password. */
  | { kind: 'password'; user: string; secretId: number }
  /** An admin (master) login acting for the mailbox `authzid` (SASL PLAIN authorization identity). */
  | { kind: 'admin'; user: string; secretId: number; authzid: string }
  /** XOAUTH2 / OAUTHBEARER with a token that is refreshed as needed. */
  | { kind: 'oauth2'; user: string; grant: OAuth2Grant };
