// A real OAuth2 authorization server (oidc-provider) on 127.0.0.1 for the tests: it issues
// access tokens for the test's mailboxes and answers token introspection (RFC 7662), which is
// how a harness Dovecot's oauth2 passdb checks the tokens Cutover signs in with.
import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The scope a mailbox token must carry (Google's IMAP scope, as the harness's). */
export const MAIL_SCOPE = 'https://mail.google.com/';

export interface OAuthServer {
  issuer: string;
  /** The client Dovecot authenticates to introspection with (its URL carries the secret). */
  introspectionUrl: string;
  /** A fresh access token for `mailbox` with `scope` (default: the mail scope), valid `ttlSeconds`. */
  issueAccessToken(mailbox: string, options?: { scope?: string; ttlSeconds?: number }): Promise<string>;
  /** Makes `token` inactive at once, like an admin revoking the app's access. */
  revoke(token: string): Promise<void>;
  stop(): Promise<void>;
}

const APP_CLIENT = 'cutover-app';

export async function startOAuthServer(): Promise<OAuthServer> {
  const introspector = { id: 'dovecot', secret: randomBytes(16).toString('hex') };
  // The issuer names the port, known once the server listens: bind first, then build the provider.
  let handle: RequestListener | null = null;
  const server = createServer((req, res) => handle?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: introspector.id,
        client_secret: introspector.secret,
        grant_types: [],
        redirect_uris: [],
        response_types: [],
      },
      {
        client_id: APP_CLIENT,
        client_secret: randomBytes(16).toString('hex'),
        grant_types: ['refresh_token', 'authorization_code'],
        redirect_uris: ['http://127.0.0.1/callback'],
      },
    ],
    scopes: ['openid', 'offline_access', MAIL_SCOPE],
    features: { introspection: { enabled: true }, revocation: { enabled: true } },
    // Dovecot compares the login name with this claim of the introspection answer.
    extraTokenClaims: (_ctx, token) => ('accountId' in token ? { username: token.accountId } : undefined),
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  });
  handle = provider.callback();

  const { AccessToken } = provider;
  return {
    issuer,
    introspectionUrl: `${issuer.replace('://', `://${introspector.id}:${introspector.secret}@`)}/token/introspection`,
    async issueAccessToken(mailbox, options = {}) {
      const client = await provider.Client.find(APP_CLIENT);
      if (!client) throw new Error(`the harness client ${APP_CLIENT} is missing`);
      const scope = options.scope ?? MAIL_SCOPE;
      // A token is only active while the grant it came from exists, as after a real sign-in.
      const grant = new provider.Grant({ accountId: mailbox, clientId: APP_CLIENT });
      grant.addOIDCScope(scope);
      const token = new AccessToken({
        accountId: mailbox,
        client,
        scope,
        expiresIn: options.ttlSeconds ?? 3600,
        grantId: await grant.save(),
        gty: 'authorization_code',
      });
      return token.save();
    },
    async revoke(value) {
      const token = await AccessToken.find(value);
      await token?.destroy();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
