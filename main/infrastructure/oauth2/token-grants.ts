// The token endpoint's grants Cutover uses, through openid-client (and jose for the JWT bearer
// assertion): a user's sign-in in the browser (authorization code with PKCE) and its refresh,
// app-only client credentials (with a client secret or a certificate), and a service account
// acting as a user (RFC 7523). Errors come back as an OAuth2GrantError the engine can explain.
import * as oidc from 'openid-client';
import { SignJWT, importPKCS8 } from 'jose';
import type { OAuth2Client } from '../../../shared/oauth2-provider.ts';
import type { ServiceAccountKey } from './service-account-key.ts';
import { parseClientCertificate } from './client-certificate.ts';

export interface IssuedToken {
  accessToken: string;
  /** How long the access token is good for, in milliseconds; null when the server did not say. */
  lifetimeMs: number | null;
  /** A new refresh token when the server rotated it: store it in place of the old one. */
  refreshToken: string | null;
}

/**
 * Why the provider gave no token: `revoked` (the sign-in expired or was withdrawn: sign in
 * again), `refused` (the app registration or its permissions are wrong), `unreachable`.
 */
export class OAuth2GrantError extends Error {
  readonly kind: 'revoked' | 'refused' | 'unreachable';

  constructor(kind: OAuth2GrantError['kind'], message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'OAuth2GrantError';
    this.kind = kind;
  }
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** openid-client's view of a client; plain http only for a provider on this computer. */
export function clientConfiguration(
  client: OAuth2Client,
  auth: oidc.ClientAuth,
  tokenEndpoint = client.tokenEndpoint,
): oidc.Configuration {
  const config = new oidc.Configuration(
    {
      issuer: client.issuer,
      authorization_endpoint: client.authorizationEndpoint,
      token_endpoint: tokenEndpoint,
    },
    client.clientId,
    undefined,
    auth,
  );
  if (isLoopbackHttp(tokenEndpoint)) oidc.allowInsecureRequests(config);
  return config;
}

function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return (
    protocol === 'http:' && (hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost')
  );
}

/** A public client (a desktop app's registration) sends no secret; a confidential one posts it. */
export function clientAuth(clientSecret: string | null): oidc.ClientAuth {
  return clientSecret === null ? oidc.None() : oidc.ClientSecretPost(clientSecret);
}

/**
 * The code the browser brought back to `callbackUrl` (whose address without the query is the
 * redirect URI), exchanged for tokens with the PKCE verifier; openid-client checks the state.
 */
export async function authorizationCodeGrant(
  config: oidc.Configuration,
  client: OAuth2Client,
  callbackUrl: URL,
  checks: { pkceCodeVerifier: string; expectedState: string },
): Promise<IssuedToken> {
  return issued(client, () => oidc.authorizationCodeGrant(config, callbackUrl, checks));
}

export async function refreshGrant(
  client: OAuth2Client,
  refreshToken: string,
  clientSecret: string | null,
): Promise<IssuedToken> {
  return issued(client, () =>
    oidc.refreshTokenGrant(clientConfiguration(client, clientAuth(clientSecret)), refreshToken),
  );
}

/** `credential`: the client secret, or for `kind` 'certificate' the certificate and its key (PEM). */
export async function clientCredentialsGrant(
  client: OAuth2Client,
  credential: string,
  kind: 'secret' | 'certificate' = 'secret',
): Promise<IssuedToken> {
  let auth: oidc.ClientAuth;
  try {
    auth = kind === 'certificate' ? await certificateAuth(client, credential) : clientAuth(credential);
  } catch (error) {
    throw new OAuth2GrantError('refused', (error as Error).message, error);
  }
  return issued(client, () =>
    oidc.clientCredentialsGrant(clientConfiguration(client, auth), { scope: client.appScopes.join(' ') }),
  );
}

/**
 * private_key_jwt as Microsoft wants it: the assertion's audience is the token endpoint (not the
 * issuer, openid-client's default) and its header names the certificate by thumbprint.
 */
async function certificateAuth(client: OAuth2Client, pem: string): Promise<oidc.ClientAuth> {
  const certificate = parseClientCertificate(pem);
  const { privateKey } = certificate;
  const algorithm =
    privateKey.asymmetricKeyType === 'ec'
      ? { name: 'ECDSA', namedCurve: curveOf(privateKey.asymmetricKeyDetails?.namedCurve) }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = privateKey.toCryptoKey(algorithm, false, ['sign']);
  return oidc.PrivateKeyJwt(key, {
    [oidc.modifyAssertion]: (header, payload) => {
      header.x5t = certificate.x5t;
      header['x5t#S256'] = certificate.x5tS256;
      payload.aud = client.tokenEndpoint;
    },
  });
}

function curveOf(nodeName: string | undefined): string {
  if (nodeName === 'secp384r1') return 'P-384';
  if (nodeName === 'secp521r1') return 'P-521';
  return 'P-256';
}

export async function jwtBearerGrant(
  client: OAuth2Client,
  key: ServiceAccountKey,
  subject: string,
): Promise<IssuedToken> {
  const audience = key.tokenUri ?? client.tokenEndpoint;
  const assertion = await new SignJWT({ scope: client.appScopes.join(' ') })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(key.clientEmail)
    .setSubject(subject)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(await importPKCS8(key.privateKey, 'RS256'));
  // A refused assertion (invalid_grant) is the key's or the delegation's fault: no one can sign in again.
  return issued(
    client,
    () =>
      oidc.genericGrantRequest(clientConfiguration(client, oidc.None(), audience), JWT_BEARER, { assertion }),
    'refused',
  );
}

/** `invalidGrant`: what the provider's invalid_grant means for this grant. */
async function issued(
  client: OAuth2Client,
  request: () => Promise<oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers>,
  invalidGrant: 'revoked' | 'refused' = 'revoked',
): Promise<IssuedToken> {
  try {
    const response = await request();
    const seconds = response.expiresIn();
    return {
      accessToken: response.access_token,
      lifetimeMs: seconds === undefined ? null : seconds * 1000,
      refreshToken: response.refresh_token ?? null,
    };
  } catch (error) {
    throw grantError(client, error, invalidGrant);
  }
}

function grantError(
  client: OAuth2Client,
  error: unknown,
  invalidGrant: 'revoked' | 'refused',
): OAuth2GrantError {
  const where = new URL(client.tokenEndpoint).host;
  if (error instanceof oidc.ResponseBodyError) {
    const said = error.error_description ? `: ${error.error_description}` : '';
    if (error.error === 'invalid_grant' && invalidGrant === 'revoked')
      return new OAuth2GrantError(
        'revoked',
        `${where} no longer accepts this sign-in (${error.error}${said}).`,
        error,
      );
    return new OAuth2GrantError(
      'refused',
      `${where} refused the app registration ${client.clientId} (${error.error}${said}).`,
      error,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OAuth2GrantError(
    'unreachable',
    `${where} could not be reached for a token (${message}).`,
    error,
  );
}
