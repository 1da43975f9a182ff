/** Where an OAuth2 provider signs people in and hands out tokens, and what Cutover asks for. */
export interface OAuth2Endpoints {
  /** The authorization server's issuer identifier (for the words and the token checks). */
  issuer: string;
  /** Where the browser signs the user in (authorization code with PKCE). */
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/** One app registration at a provider: its endpoints, its client, and the scopes for IMAP. */
export interface OAuth2Client extends OAuth2Endpoints {
  clientId: string;
  /** Scopes a user's own sign-in asks for (IMAP, and a refresh token). */
  userScopes: string[];
  /** Scopes an app-wide token asks for (client credentials or JWT bearer). */
  appScopes: string[];
  /** Extra parameters of the sign-in page (Google's `access_type=offline`, `prompt=consent`). */
  authorizationParams?: Record<string, string>;
}
