// A user's sign-in in the browser (authorization code with PKCE, loopback redirect) against a
// real authorization server (oidc-provider), Chromium going through its login and consent
// pages; the refresh token it gives is tried on a harness Dovecot that checks every token.
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from '../harness/dovecot.ts';
import { MAIL_SCOPE, startOAuthServer, type OAuthServer } from '../harness/oauth-server.ts';
import { declineAtProvider, launchChromium, signInAtProvider } from '../support/chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { foldersWithToken } from '../support/token-login.ts';
import {
  BrowserSignInError,
  signInInBrowser,
  type BrowserSignInOptions,
} from '../../main/infrastructure/oauth2/loopback-sign-in.ts';
import { refreshGrant } from '../../main/infrastructure/oauth2/token-grants.ts';

const ANN = 'ann@example.test';
let oauth: OAuthServer;
let dovecot: DovecotServer;
let browser: BrowserContext;
const dir = makeTempDir('browser-sign-in');

beforeAll(async () => {
  oauth = await startOAuthServer();
  dovecot = await startDovecot({
    users: [{ username: ANN, password: 'not-used-here' }],
    oauth2: { introspectionUrl: oauth.introspectionUrl, scope: MAIL_SCOPE },
  });
  browser = await launchChromium(join(dir.path, 'profile'));
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), dovecot?.stop(), oauth?.stop()]);
  dir.remove();
});

// Each test signs in afresh, as someone who was never signed in at the provider.
beforeEach(() => browser.clearCookies());

/** Runs a sign-in whose page is handed to `visit` (the user, in the browser). */
async function signIn(visit: (url: URL) => Promise<unknown>, options: Partial<BrowserSignInOptions> = {}) {
  let visited: Promise<unknown> = Promise.resolve();
  let asked: URL | null = null;
  const result = signInInBrowser({
    client: oauth.desktopClient,
    loginHint: ANN,
    open: (url) => {
      asked = new URL(url);
      visited = visit(asked);
    },
    ...options,
  });
  const settled = await result.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { settled, page: await visited, asked: asked as URL | null };
}

const inChromium =
  (step: typeof signInAtProvider | typeof declineAtProvider, login = ANN) =>
  async (url: URL) => {
    const page = await browser.newPage();
    try {
      return await step(page, url.href, login);
    } finally {
      await page.close();
    }
  };

async function listenerIsClosed(url: URL): Promise<boolean> {
  const redirect = url.searchParams.get('redirect_uri')!;
  return fetch(redirect).then(
    () => false,
    () => true,
  );
}

describe('signInInBrowser', () => {
  it("gives a refresh token for the user who signed in, which the user's mailbox accepts", async () => {
    const { settled, page, asked } = await signIn(inChromium(signInAtProvider));
    expect(page).toMatch(/You are signed in\. You can close this tab and go back to Cutover\./);
    if (!settled.ok) throw settled.error;
    const redirect = new URL(asked!.searchParams.get('redirect_uri')!);
    expect([redirect.protocol, redirect.hostname, redirect.pathname]).toEqual([
      'http:',
      '127.0.0.1',
      '/callback',
    ]);
    expect(asked!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked!.searchParams.get('login_hint')).toBe(ANN);
    expect(asked!.searchParams.get('scope')).toBe(`${MAIL_SCOPE} offline_access`);
    expect(settled.value.lifetimeMs).toBeGreaterThan(0);
    expect(await foldersWithToken(dovecot, ANN, settled.value.accessToken)).toContain('INBOX');

    const renewed = await refreshGrant(oauth.desktopClient, settled.value.refreshToken, null);
    expect(renewed.accessToken).not.toBe(settled.value.accessToken);
    expect(await foldersWithToken(dovecot, ANN, renewed.accessToken)).toContain('INBOX');
    expect(await listenerIsClosed(asked!)).toBe(true);
  });

  it('signs in the account the user chose at the provider: its token is refused for another mailbox', async () => {
    const { settled } = await signIn(inChromium(signInAtProvider, 'bob@example.test'));
    if (!settled.ok) throw settled.error;
    const renewed = await refreshGrant(oauth.desktopClient, settled.value.refreshToken, null);
    await expect(foldersWithToken(dovecot, ANN, renewed.accessToken)).rejects.toMatchObject({
      authenticationFailed: true,
    });
  });

  it('says access was not granted when the user cancels at the provider', async () => {
    const { settled, page, asked } = await signIn(inChromium(declineAtProvider));
    expect(settled.ok).toBe(false);
    const error = (settled as { error: BrowserSignInError }).error;
    expect(error).toBeInstanceOf(BrowserSignInError);
    expect(error.kind).toBe('denied');
    expect(error.message).toMatch(
      /^Access was not granted at 127\.0\.0\.1:\d+ \(access_denied: End-User aborted interaction\)\. Sign in again/,
    );
    expect(page).toMatch(/Cutover could not sign you in/);
    expect(page).toContain('Access was not granted');
    expect(await listenerIsClosed(asked!)).toBe(true);
  });

  it('refuses an answer with another state, and tells the browser why', async () => {
    const { settled, page } = await signIn(async (url) => {
      const callback = new URL(url.searchParams.get('redirect_uri')!);
      callback.search = new URLSearchParams({ code: 'forged', state: 'not-this-sign-in' }).toString();
      const response = await fetch(callback);
      return `${response.status} ${await response.text()}`;
    });
    expect(settled.ok).toBe(false);
    const error = (settled as { error: BrowserSignInError }).error;
    expect(error.kind).toBe('failed');
    expect(error.message).toMatch(/does not belong to the sign-in it started \(its state does not match\)/);
    expect(page).toMatch(/^400 [\s\S]*its state does not match/);
  });

  it('says to allow offline access when the provider gives no refresh token', async () => {
    const { settled, page } = await signIn(inChromium(signInAtProvider), {
      client: oauth.desktopClientWithoutRefresh,
    });
    expect(settled.ok).toBe(false);
    const error = (settled as { error: BrowserSignInError }).error;
    expect(error.message).toMatch(/gave Cutover no refresh token/);
    expect(error.message).toMatch(/allow offline access/);
    expect(page).toMatch(/Cutover could not sign you in/);
  });

  it('stops waiting after the time-out, and frees the port', async () => {
    const { settled, asked } = await signIn(async () => {}, { timeoutMs: 300 });
    const error = (settled as { error: BrowserSignInError }).error;
    expect(error.kind).toBe('timed-out');
    expect(error.message).toBe(
      'Nobody finished signing in within a second, so Cutover stopped waiting. Sign in again.',
    );
    expect(await listenerIsClosed(asked!)).toBe(true);
  });

  it('stops when cancelled, and frees the port', async () => {
    const controller = new AbortController();
    const { settled, asked } = await signIn(
      async () => {
        setTimeout(() => controller.abort(), 50);
      },
      { signal: controller.signal },
    );
    const error = (settled as { error: BrowserSignInError }).error;
    expect(error.kind).toBe('cancelled');
    expect(error.message).toBe('The sign-in was cancelled before it finished.');
    expect(await listenerIsClosed(asked!)).toBe(true);
  });
});
