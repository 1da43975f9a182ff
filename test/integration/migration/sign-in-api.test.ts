// The app's way to sign an account in (`jobs.signInAccount`): main sends the provider's address
// to the window as a `signIn.open` event (the window opens it in the browser), and answers once
// the sign-in came back and is stored; the account then copies with it.
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import type { OAuthServer } from '../../harness/oauth-server.ts';
import { launchChromium, signInAtProvider } from '../../support/chromium.ts';
import { startOAuth2MailServers } from '../../support/oauth2-mail-servers.ts';
import { connectTo, rawMessage } from '../../support/mail-fixtures.ts';
import { requestBetween, runAgain } from '../../support/migration-services.ts';
import { createTestServices } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { createJob } from '../../../main/engine/migration/create-job.ts';
import type { EventPayloads } from '../../../preload/contract.ts';

const ANN = 'ann@example.test';
const PASSWORD = 'only-for-seeding';
const dir = makeTempDir('sign-in-api');
const services = createTestServices(join(dir.path, 'cutover.db'));
let oauth: OAuthServer;
let source: DovecotServer;
let destination: DovecotServer;
let browser: BrowserContext;

beforeAll(async () => {
  [{ oauth, source, destination }, browser] = await Promise.all([
    startOAuth2MailServers([ANN], PASSWORD),
    launchChromium(join(dir.path, 'profile')),
  ]);
  const client = await connectTo(source, ANN, PASSWORD);
  for (let i = 0; i < 2; i++) await client.append('INBOX', rawMessage({ subject: `Hello ${i}` }), []);
  await client.logout();
  const base = requestBetween(source, destination, `${ANN}\n`, { name: 'app-sign-in' });
  createJob(
    {
      ...base,
      source: { ...base.source, signIn: { method: 'user', client: oauth.desktopClient } },
      destination: {
        ...base.destination,
        signIn: { method: 'app', client: oauth.tenantApp.client, clientSecret: oauth.tenantApp.clientSecret },
      },
    },
    services.jobs,
    services.secrets,
  );
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([browser?.close(), source?.stop(), destination?.stop(), oauth?.stop()]);
  dir.remove();
});

describe('jobs.signInAccount', () => {
  it('sends the sign-in page to the window, stores the sign-in, and the account copies with it', async () => {
    const opened: Array<EventPayloads['signIn.open']> = [];
    let page: Promise<string> | null = null;
    const unsubscribe = services.bus.subscribe((name, payload) => {
      if (name !== 'signIn.open') return;
      const event = payload as EventPayloads['signIn.open'];
      opened.push(event);
      // What the window does: open it in the browser, where the user signs in.
      page = browser.newPage().then((tab) => signInAtProvider(tab, event.url, ANN));
    });
    // No side given: only the old server's users sign in in the browser.
    const result = await services.dispatch('jobs.signInAccount', { name: 'app-sign-in', account: ANN });
    unsubscribe();
    expect(result.ok).toBe(true);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ job: 'app-sign-in', account: ANN });
    expect(opened[0]!.url.startsWith(`${oauth.issuer}/auth?`)).toBe(true);
    expect(await page).toMatch(/signed in/i);

    const summary = await runAgain(services, 'app-sign-in', { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 2 });
  });

  it('refuses a side whose users do not sign in in the browser, in words', async () => {
    const result = await services.dispatch('jobs.signInAccount', {
      name: 'app-sign-in',
      account: ANN,
      side: 'destination',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /^The new server of job "app-sign-in" does not sign in each user in the browser/,
    );
  });
});
