// A real OAuth2 authorization server (oidc-provider) on 127.0.0.1 for the tests: it issues
// access tokens for the test's mailboxes and answers token introspection (RFC 7662), which is
// how a harness Dovecot's oauth2 passdb checks the tokens Cutover signs in with. It knows the
// three ways Cutover gets tokens: a user's own sign-in (authorization code with PKCE, refresh
// tokens: a native client with a loopback redirect), app-only access for a whole tenant (client
// credentials with a secret or a certificate, as Microsoft 365), and a service account acting
// as each user (the JWT bearer grant of RFC 7523, as Google Workspace's domain-wide delegation).
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { issueCertificate } from './certificates.ts';
import Provider, { errors } from 'oidc-provider';
import type { OAuth2Client } from '../../shared/oauth2-provider.ts';

/** The scope a mailbox token must carry (Google's IMAP scope, as the harness's). */
export const MAIL_SCOPE = 'https://mail.google.com/';
/** The scope of an app-only token for every mailbox of the tenant (Microsoft's, as the harness's). */
export const TENANT_SCOPE = 'https://outlook.office365.com/.default';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface OAuthServerOptions {
  /** Lifetime of every access token issued through the token endpoint (default 3600 s). */
  accessTokenTtlSeconds?: number;
  /**
   * The domain an app-only (client credentials) token is good for: its `username` claim is
   * `app@<tenant>`, which the harness Dovecot's tenant-wide passdb compares by domain.
   */
  tenant?: string;
}

/** A service account's key as Google hands it out (the fields Cutover reads). */
export interface ServiceAccountKey {
  type: 'service_account';
  client_email: string;
  client_id: string;
  private_key: string;
  token_uri: string;
}

export interface OAuthServer {
  issuer: string;
  /** The client Dovecot authenticates to introspection with (its URL carries the secret). */
  introspectionUrl: string;
  /** The desktop app's registration: a public native client (PKCE, loopback redirect). */
  desktopClient: OAuth2Client;
  /** The same kind of registration without refresh tokens (offline access not allowed). */
  desktopClientWithoutRefresh: OAuth2Client;
  /** An app registration with a secret allowed client credentials for the tenant. */
  tenantApp: { client: OAuth2Client; clientSecret: string };
  /**
   * An app registration with a certificate (RSA, self-signed) instead of a secret: `pem` is the
   * certificate and its private key; `x5t` the thumbprint the server looks the certificate up by.
   */
  tenantCertificateApp: { client: OAuth2Client; pem: string; x5t: string };
  /** A service account allowed to act as any user (JWT bearer), with its key file's content. */
  serviceAccount: { client: OAuth2Client; key: ServiceAccountKey };
  /** A fresh access token for `mailbox` with `scope` (default: the mail scope), valid `ttlSeconds`. */
  issueAccessToken(mailbox: string, options?: { scope?: string; ttlSeconds?: number }): Promise<string>;
  /** A refresh token of the desktop client for `mailbox`, as after the user signed in. */
  issueRefreshToken(mailbox: string, options?: { scope?: string }): Promise<string>;
  /** Makes an access or refresh token inactive at once, like an admin revoking the app's access. */
  revoke(token: string): Promise<void>;
  /** Every grant type the token endpoint answered, in order (e.g. to see a refresh mid-job). */
  readonly tokenRequests: string[];
  /** Every access and refresh token and sign-in code this server issued (to look for them where none may be). */
  readonly issuedTokens: string[];
  stop(): Promise<void>;
}

const INTROSPECTOR = 'dovecot';
const DESKTOP_CLIENT = 'cutover-desktop';
const NO_REFRESH_CLIENT = 'cutover-desktop-no-refresh';
const TENANT_APP = 'cutover-tenant-app';
const TENANT_CERTIFICATE_APP = 'cutover-tenant-certificate-app';
const SERVICE_ACCOUNT = 'cutover-service-account';

export async function startOAuthServer(options: OAuthServerOptions = {}): Promise<OAuthServer> {
  const introspectorSecret = randomBytes(16).toString('hex');
  const tenantSecret = randomBytes(16).toString('hex');
  const serviceKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificateDir = await mkdtemp(join(tmpdir(), 'cutover-oauth-app-'));
  const appCertificate = await issueCertificate(certificateDir, null, {
    commonName: 'Cutover migration app',
    altNames: [],
    keyType: 'rsa',
  });
  const appX5t = createHash('sha1')
    .update(new X509Certificate(appCertificate.certPem).raw)
    .digest('base64url');
  const tenant = options.tenant ?? 'example.test';
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  // The issuer names the port, known once the server listens: bind first, then build the provider.
  let handle: RequestListener | null = null;
  const server = createServer((req, res) => handle?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serviceEmail = `migration@${tenant.replace(/\W/g, '-')}.iam.example`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: INTROSPECTOR,
        client_secret: introspectorSecret,
        grant_types: [],
        redirect_uris: [],
        response_types: [],
      },
      {
        client_id: DESKTOP_CLIENT,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        // Any port on 127.0.0.1 (RFC 8252 §7.3): oidc-provider ignores the port for native clients.
        redirect_uris: ['http://127.0.0.1/callback'],
      },
      {
        client_id: NO_REFRESH_CLIENT,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        redirect_uris: ['http://127.0.0.1/callback'],
      },
      {
        client_id: TENANT_APP,
        client_secret: tenantSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope: TENANT_SCOPE,
      },
      {
        client_id: TENANT_CERTIFICATE_APP,
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [createPublicKey(appCertificate.certPem).export({ format: 'jwk' })] },
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope: TENANT_SCOPE,
      },
      {
        client_id: SERVICE_ACCOUNT,
        token_endpoint_auth_method: 'none',
        grant_types: [JWT_BEARER],
        redirect_uris: [],
        response_types: [],
      },
    ],
    scopes: ['openid', 'offline_access', MAIL_SCOPE, TENANT_SCOPE],
    features: {
      introspection: { enabled: true },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
    },
    ttl: { AccessToken: ttl, ClientCredentials: ttl },
    // Refresh tokens for every user sign-in of the desktop client, as Microsoft and Google give
    // with offline_access / access_type=offline.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Dovecot compares the login name (or, for app-only tokens, the domains) with this claim.
    extraTokenClaims: (_ctx, token) =>
      'accountId' in token && token.accountId ? { username: token.accountId } : { username: `app@${tenant}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  });
  const tokenRequests: string[] = [];
  provider.on('grant.success', (ctx) => tokenRequests.push(String(ctx.oidc.params?.grant_type)));
  // Opaque tokens: the value is the token's jti.
  const issuedTokens: string[] = [];
  provider.on('access_token.saved', (token) => issuedTokens.push(token.jti));
  provider.on('client_credentials.saved', (token) => issuedTokens.push(token.jti));
  provider.on('refresh_token.saved', (token) => issuedTokens.push(token.jti));
  provider.on('authorization_code.saved', (code) => issuedTokens.push(code.jti));

  const { AccessToken, RefreshToken } = provider;
  const servicePublicKey = await importSPKI(
    serviceKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    'RS256',
  );
  // RFC 7523: the service account signs an assertion naming the user as `sub`; the token acts as that user.
  provider.registerGrantType(
    JWT_BEARER,
    async (ctx) => {
      const assertion = String(ctx.oidc.params!.assertion ?? '');
      let subject: string;
      let scope: string;
      try {
        const { payload } = await jwtVerify(assertion, servicePublicKey, {
          issuer: serviceEmail,
          audience: `${issuer}/token`,
          maxTokenAge: '1h',
        });
        subject = String(payload.sub ?? '');
        scope = String(payload.scope ?? '');
      } catch (error) {
        throw new errors.InvalidGrant(`the assertion is not valid: ${(error as Error).message}`);
      }
      if (!subject) throw new errors.InvalidGrant('the assertion names no user (sub)');
      const value = await saveAccessToken(subject, scope, ttl, JWT_BEARER);
      ctx.body = { access_token: value, token_type: 'Bearer', expires_in: ttl, scope };
    },
    ['assertion', 'scope'],
  );
  // As Microsoft Entra does, a client assertion must name the certificate by its thumbprint
  // (x5t) and have the token endpoint as its audience; oidc-provider itself accepts the issuer
  // too and matches keys without x5t, so the harness checks both once the request is read.
  provider.use(async (ctx, next) => {
    await next();
    const assertion = ctx.oidc?.params?.client_assertion;
    if (ctx.path !== '/token' || typeof assertion !== 'string' || ctx.status !== 200) return;
    const { x5t } = decodeProtectedHeader(assertion);
    const { aud } = decodeJwt(assertion);
    if (x5t === appX5t && aud === `${issuer}/token`) return;
    ctx.status = 401;
    ctx.body = {
      error: 'invalid_client',
      error_description:
        x5t === appX5t
          ? `the client assertion's audience must be the token endpoint, not ${String(aud)}`
          : 'the client assertion names no certificate of this app (x5t)',
    };
  });
  handle = provider.callback();

  async function newGrant(mailbox: string, clientId: string, scope: string): Promise<string> {
    const grant = new provider.Grant({ accountId: mailbox, clientId });
    grant.addOIDCScope(scope);
    return grant.save();
  }
  async function harnessClient(id: string) {
    const client = await provider.Client.find(id);
    if (!client) throw new Error(`the harness client ${id} is missing`);
    return client;
  }
  async function saveAccessToken(mailbox: string, scope: string, ttlSeconds: number, gty: string) {
    // A token is only active while the grant it came from exists, as after a real sign-in.
    const clientId = gty === JWT_BEARER ? SERVICE_ACCOUNT : DESKTOP_CLIENT;
    const token = new AccessToken({
      accountId: mailbox,
      client: await harnessClient(clientId),
      scope,
      expiresIn: ttlSeconds,
      grantId: await newGrant(mailbox, clientId, scope),
      gty,
    });
    return token.save();
  }

  const endpoints = {
    issuer,
    authorizationEndpoint: `${issuer}/auth`,
    tokenEndpoint: `${issuer}/token`,
  };
  return {
    issuer,
    introspectionUrl: `${issuer.replace('://', `://${INTROSPECTOR}:${introspectorSecret}@`)}/token/introspection`,
    desktopClient: {
      ...endpoints,
      clientId: DESKTOP_CLIENT,
      userScopes: [MAIL_SCOPE, 'offline_access'],
      appScopes: [],
    },
    desktopClientWithoutRefresh: {
      ...endpoints,
      clientId: NO_REFRESH_CLIENT,
      userScopes: [MAIL_SCOPE, 'offline_access'],
      appScopes: [],
    },
    tenantApp: {
      client: { ...endpoints, clientId: TENANT_APP, userScopes: [], appScopes: [TENANT_SCOPE] },
      clientSecret: tenantSecret,
    },
    tenantCertificateApp: {
      client: { ...endpoints, clientId: TENANT_CERTIFICATE_APP, userScopes: [], appScopes: [TENANT_SCOPE] },
      pem: `${appCertificate.certPem}${appCertificate.keyPem}`,
      x5t: appX5t,
    },
    serviceAccount: {
      client: { ...endpoints, clientId: SERVICE_ACCOUNT, userScopes: [], appScopes: [MAIL_SCOPE] },
      key: {
        type: 'service_account',
        client_email: serviceEmail,
        client_id: SERVICE_ACCOUNT,
        private_key: serviceKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        token_uri: `${issuer}/token`,
      },
    },
    issueAccessToken: (mailbox, opts = {}) =>
      saveAccessToken(mailbox, opts.scope ?? MAIL_SCOPE, opts.ttlSeconds ?? 3600, 'authorization_code'),
    async issueRefreshToken(mailbox, opts = {}) {
      const scope = opts.scope ?? `${MAIL_SCOPE} offline_access`;
      const token = new RefreshToken({
        accountId: mailbox,
        client: await harnessClient(DESKTOP_CLIENT),
        scope,
        grantId: await newGrant(mailbox, DESKTOP_CLIENT, scope),
        gty: 'authorization_code',
        iiat: Math.floor(Date.now() / 1000),
      });
      return token.save();
    },
    async revoke(value) {
      const token = (await AccessToken.find(value)) ?? (await RefreshToken.find(value));
      await token?.destroy();
    },
    tokenRequests,
    issuedTokens,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(certificateDir, { recursive: true, force: true });
    },
  };
}
