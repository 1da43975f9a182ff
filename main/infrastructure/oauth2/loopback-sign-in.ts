// A user's own sign-in in the browser, as Thunderbird does it: the authorization code flow with
// PKCE (S256) and a state, coming back to a one-shot listener on 127.0.0.1 (RFC 8252). What
// Cutover keeps is the refresh token; the browser is told in plain words how it went.
import * as oidc from 'openid-client';
import type { OAuth2Client } from '../../../shared/oauth2-provider.ts';
import { listenOnLoopback, type Callback } from './loopback-listener.ts';
import { signInFailedPage, signedInPage } from './sign-in-pages.ts';
import { authorizationCodeGrant, clientAuth, clientConfiguration } from './token-grants.ts';

export interface BrowserSignInOptions {
  client: OAuth2Client;
  clientSecret?: string | null;
  /** The mailbox, so the provider's page can fill it in. */
  loginHint?: string;
  /** Shows the user the sign-in page (prints it, opens a browser): called once, when listening. */
  open: (url: string) => void | Promise<void>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface BrowserSignIn {
  refreshToken: string;
  accessToken: string;
  /** How long the access token is good for, in milliseconds; null when the provider did not say. */
  lifetimeMs: number | null;
}

/** Why a browser sign-in gave no refresh token, with words the user can act on. */
export class BrowserSignInError extends Error {
  readonly kind: 'timed-out' | 'cancelled' | 'denied' | 'failed';

  constructor(kind: BrowserSignInError['kind'], message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'BrowserSignInError';
    this.kind = kind;
  }
}

/** Long enough to find a password or a second factor; a forgotten tab does not hold the port. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export async function signInInBrowser(options: BrowserSignInOptions): Promise<BrowserSignIn> {
  const { client, signal } = options;
  if (signal?.aborted) throw cancelled();
  const config = clientConfiguration(client, clientAuth(options.clientSecret ?? null));
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
  const expectedState = oidc.randomState();
  const listener = await listenOnLoopback();
  try {
    const url = oidc.buildAuthorizationUrl(config, {
      ...client.authorizationParams,
      redirect_uri: listener.redirectUri,
      scope: client.userScopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
      state: expectedState,
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    });
    await options.open(url.href);
    const answer = await waitForCallback(listener.callback, options);
    try {
      const tokens = await exchange(config, client, answer.url, { pkceCodeVerifier, expectedState });
      answer.answer(200, signedInPage());
      return tokens;
    } catch (error) {
      answer.answer(400, signInFailedPage((error as Error).message));
      throw error;
    }
  } finally {
    listener.close();
  }
}

function waitForCallback(callback: Promise<Callback>, options: BrowserSignInOptions): Promise<Callback> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<Callback>((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(
        new BrowserSignInError(
          'timed-out',
          `Nobody finished signing in within ${describeWait(timeoutMs)}, so Cutover stopped waiting. Sign in again.`,
        ),
      );
    }, timeoutMs);
    const onAbort = () => {
      done();
      reject(cancelled());
    };
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    void callback.then((arrived) => {
      done();
      resolve(arrived);
    });
  });
}

async function exchange(
  config: oidc.Configuration,
  client: OAuth2Client,
  url: URL,
  checks: { pkceCodeVerifier: string; expectedState: string },
): Promise<BrowserSignIn> {
  const where = new URL(client.authorizationEndpoint).host;
  const query = url.searchParams;
  // Checked here first for words of Cutover's own; openid-client checks them again.
  if (query.get('state') !== checks.expectedState)
    throw new BrowserSignInError(
      'failed',
      'The answer that reached Cutover does not belong to the sign-in it started (its state does not match), so it was not used. Sign in again.',
    );
  const error = query.get('error');
  if (error !== null) {
    const said = `${error}${query.get('error_description') ? `: ${query.get('error_description')}` : ''}`;
    if (error === 'access_denied')
      throw new BrowserSignInError(
        'denied',
        `Access was not granted at ${where} (${said}). Sign in again and allow Cutover access to the mailbox.`,
      );
    throw new BrowserSignInError('failed', `${where} did not sign you in (${said}).`);
  }
  if (!query.get('code'))
    throw new BrowserSignInError('failed', `${where} came back without a sign-in code. Sign in again.`);
  let issued;
  try {
    issued = await authorizationCodeGrant(config, client, url, checks);
  } catch (cause) {
    throw new BrowserSignInError('failed', (cause as Error).message, cause);
  }
  if (!issued.refreshToken)
    throw new BrowserSignInError(
      'failed',
      `${where} signed you in but gave Cutover no refresh token, which it needs to keep copying without asking again. Sign in again and allow offline access ("stay signed in", "keep access") when asked; if it happens again, the app registration must allow offline access (the offline_access scope, or Google's access_type=offline).`,
    );
  return {
    refreshToken: issued.refreshToken,
    accessToken: issued.accessToken,
    lifetimeMs: issued.lifetimeMs,
  };
}

function cancelled(): BrowserSignInError {
  return new BrowserSignInError('cancelled', 'The sign-in was cancelled before it finished.');
}

function describeWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 1) return minutes === 1 ? 'a minute' : `${minutes} minutes`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? 'a second' : `${seconds} seconds`;
}
