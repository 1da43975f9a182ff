// Access tokens for OAuth2 logins, one cached per grant and mailbox and fetched again before it
// runs out: every connection of a long job (a new lane, a reconnect after a drop) logs in with
// a token that is still good. A refresh token the provider rotates is stored in place at once.
import {
  clientCredentialsGrant,
  jwtBearerGrant,
  refreshGrant,
  type IssuedToken,
} from '../../infrastructure/oauth2/token-grants.ts';
import { parseServiceAccountKey } from '../../infrastructure/oauth2/service-account-key.ts';
import type { OAuth2Grant } from './credential.ts';

export interface TokenSecrets {
  reveal(id: number): string;
  replace(id: number, plain: string): void;
}

export interface AccessTokens {
  /** A token for `user` from `grant`, good for at least the next minutes. */
  forMailbox(grant: OAuth2Grant, user: string): Promise<string>;
}

/** Fetch again when less than this is left (or half the token's life, if that is shorter). */
const RENEW_BEFORE_MS = 5 * 60_000;

interface Cached {
  token: IssuedToken;
  renewAt: number;
}

export function createAccessTokens(secrets: TokenSecrets, now: () => number = Date.now): AccessTokens {
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<string>>();

  async function fetchToken(grant: OAuth2Grant, user: string): Promise<IssuedToken> {
    const secretOf = (id: number | null) => (id === null ? null : secrets.reveal(id));
    switch (grant.type) {
      case 'refresh-token': {
        const issued = await refreshGrant(
          grant.client,
          secrets.reveal(grant.refreshTokenId),
          secretOf(grant.clientSecretId),
        );
        if (issued.refreshToken) secrets.replace(grant.refreshTokenId, issued.refreshToken);
        return issued;
      }
      case 'client-credentials':
        return clientCredentialsGrant(grant.client, secrets.reveal(grant.clientSecretId), grant.clientAuth);
      case 'jwt-bearer':
        return jwtBearerGrant(grant.client, parseServiceAccountKey(secrets.reveal(grant.keySecretId)), user);
    }
  }

  return {
    forMailbox(grant, user) {
      // App-only tokens serve every mailbox; the others are each user's own.
      const key = JSON.stringify([grant, grant.type === 'client-credentials' ? null : user]);
      const cached = cache.get(key);
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token.accessToken);
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const fetching = fetchToken(grant, user)
        .then((token) => {
          const issuedAt = now();
          const life = token.lifetimeMs ?? RENEW_BEFORE_MS * 2;
          cache.set(key, { token, renewAt: issuedAt + life - Math.min(RENEW_BEFORE_MS, life / 2) });
          return token.accessToken;
        })
        .finally(() => pending.delete(key));
      pending.set(key, fetching);
      return fetching;
    },
  };
}
