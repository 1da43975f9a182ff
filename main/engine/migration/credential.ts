// How Cutover signs in to one mailbox, by reference: a credential names the stored secret, and
// the secret itself is read only by the login code (login.ts), at the moment of login.

/** Where an OAuth2 access token comes from (the OAuth2 issue fills this in). */
export interface OAuth2TokenSource {
  readonly provider: string;
}

export type Credential =
  /** The mailbox's own login and password. */
  | { kind: 'password'; user: string; secretId: number }
  /** An admin (master) login acting for the mailbox `authzid` (SASL PLAIN authorization identity). */
  | { kind: 'admin'; user: string; secretId: number; authzid: string }
  /** XOAUTH2 / OAUTHBEARER with a token that is refreshed as needed. */
  | { kind: 'oauth2'; user: string; tokenSource: OAuth2TokenSource };
