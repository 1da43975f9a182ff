// `cutover sign-in JOB ACCOUNT` as its own process: it prints the provider's address, Chromium
// signs in there (oidc-provider's real login and consent pages), and the stored refresh token
// is what `cutover retry` then copies with, from an OAuth2-only harness Dovecot.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import type { OAuthServer } from '../../harness/oauth-server.ts';
import { declineAtProvider, launchChromium, signInAtProvider } from '../../support/chromium.ts';
import { startOAuth2MailServers } from '../../support/oauth2-mail-servers.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { requestBetween } from '../../support/migration-services.ts';
import { runCliProcess, type CliProcess } from '../../support/run-cli-process.ts';
import { createTestServices } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { createJob } from '../../../main/engine/migration/create-job.ts';
import type { SignInRequest } from '../../../main/engine/migration/sign-in-request.ts';

const ANN = 'ann@example.test';
const PASSWORD = 'only-for-seeding';
const MESSAGES = 3;
const key = randomBytes(32);
const env = { CUTOVER_SECRET_KEY: key.toString('hex'), DISPLAY: '', WAYLAND_DISPLAY: '' };
const dir = makeTempDir('cli-sign-in');
const db = join(dir.path, 'cutover.db');
let oauth: OAuthServer;
let source: DovecotServer;
let destination: DovecotServer;
let browser: BrowserContext;
/** Everything every CLI process of this file printed, to look for tokens in. */
const printed: string[] = [];

beforeAll(async () => {
  [{ oauth, source, destination }, browser] = await Promise.all([
    startOAuth2MailServers([ANN], PASSWORD),
    launchChromium(join(dir.path, 'profile')),
  ]);
  const client = await connectTo(source, ANN, PASSWORD);
  for (let i = 0; i < MESSAGES; i++) await client.append('INBOX', rawMessage({ subject: `Note ${i}` }), []);
  await client.logout();

  const tenantApp: SignInRequest = {
    method: 'app',
    client: oauth.tenantApp.client,
    clientSecret: oauth.tenantApp.clientSecret,
  };
  const userSignIn: SignInRequest = { method: 'user', client: oauth.desktopClient };
  const services = createTestServices(db, { key });
  try {
    for (const [name, destinationSignIn] of [
      ['office', tenantApp],
      ['both-sides', userSignIn],
    ] as const) {
      const base = requestBetween(source, destination, `${ANN}\n`, { name });
      createJob(
        {
          ...base,
          source: {
            ...base.source,
            trustedFingerprint: source.certificate.fingerprint256,
            signIn: userSignIn,
          },
          destination: {
            ...base.destination,
            trustedFingerprint: destination.certificate.fingerprint256,
            signIn: destinationSignIn,
          },
        },
        services.jobs,
        services.secrets,
      );
    }
  } finally {
    services.close();
  }
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), source?.stop(), destination?.stop(), oauth?.stop()]);
  dir.remove();
});

beforeEach(() => browser.clearCookies());

/** `cutover --db … --json ARGS`, its output kept for the token check. */
async function cli(args: string[]): Promise<{ code: number | null; run: CliProcess }> {
  const run = runCliProcess(['--db', db, '--json', ...args], env);
  const code = await run.exited;
  printed.push(JSON.stringify(run.lines), run.stderr());
  return { code, run };
}

async function inChromium<T>(step: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    return await step(page);
  } finally {
    await page.close();
  }
}

function sourceSecretId(): number | null {
  const services = createTestServices(db, { key });
  try {
    return services.jobs.accounts(services.jobs.byName('office').id)[0]!.sourceSecretId;
  } finally {
    services.close();
  }
}

const destinationCount = async () => (await readMailbox(await connectTo(destination, ANN, PASSWORD))).length;

describe('cutover sign-in', () => {
  it('before anyone signed in, a run says to sign in', async () => {
    const { code, run } = await cli(['retry', 'office']);
    expect(code).toBe(1);
    const summary = run.lines.find((l) => l['type'] === 'summary') as {
      accounts: Array<{ error: { code: string; message: string } | null }>;
    };
    expect(summary.accounts[0]!.error).toEqual({
      code: 'sign-in-again',
      message: expect.stringMatching(/^ann@example\.test has not signed in to the old server yet/),
    });
    expect(sourceSecretId()).toBeNull();
  });

  it('prints the address, waits for the browser, stores the sign-in; cutover retry then copies with it', async () => {
    const signIn = runCliProcess(['--db', db, '--json', 'sign-in', 'office', ANN, '--no-browser'], env);
    const asked = await signIn.waitFor((l) => l['type'] === 'sign-in-url');
    expect(asked).toMatchObject({ job: 'office', account: ANN, side: 'source' });
    const url = new URL(String(asked['url']));
    expect(`${url.origin}${url.pathname}`).toBe(oauth.desktopClient.authorizationEndpoint);
    expect(url.searchParams.get('login_hint')).toBe(ANN);

    const page = await inChromium((p) => signInAtProvider(p, url.href, ANN));
    expect(page).toContain('You are signed in');
    expect(await signIn.exited).toBe(0);
    printed.push(JSON.stringify(signIn.lines), signIn.stderr());
    expect(signIn.lines.at(-1)).toEqual({ type: 'signed-in', job: 'office', account: ANN, side: 'source' });
    expect(sourceSecretId()).not.toBeNull();

    const log = await cli(['log', 'office', '--account', ANN]);
    expect(log.run.lines.map((l) => l['message'])).toContainEqual(
      expect.stringMatching(/^ann@example\.test signed in to the old server \(127\.0\.0\.1\) for this job/),
    );

    const retry = await cli(['retry', 'office']);
    expect(retry.code).toBe(0);
    const summary = retry.run.lines.find((l) => l['type'] === 'summary') as {
      status: string;
      accounts: Array<{ copied: number }>;
    };
    expect(summary.status).toBe('done');
    expect(summary.accounts[0]!.copied).toBe(MESSAGES);
    expect(await destinationCount()).toBe(MESSAGES);
  });

  it('in words: the address to open and that the account is signed in; signing in again replaces the sign-in in place', async () => {
    const before = sourceSecretId();
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, '../../../bin/cutover.js'), '--db', db, 'sign-in', 'office', ANN],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const found = /^ {2}(http:\/\/\S+)$/m.exec(out);
        if (!found) return;
        clearTimeout(timer);
        resolve(found[1]!);
      });
    });
    expect(out).toMatch(
      /^To sign in ann@example\.test to the old server, open this address in a browser on this computer:$/m,
    );
    // No desktop session here: how to reach the port from another computer.
    expect(out).toMatch(/ssh -L (\d+):127\.0\.0\.1:\1 <this server>/);
    await inChromium((p) => signInAtProvider(p, address, ANN));
    expect(await exited).toBe(0);
    printed.push(out);
    expect(out).toMatch(
      /^ann@example\.test is signed in to the old server\. Copy its mail with: cutover retry office$/m,
    );
    expect(sourceSecretId()).toBe(before);

    const client = await connectTo(source, ANN, PASSWORD);
    await client.append('INBOX', rawMessage({ subject: 'After signing in again' }), []);
    await client.logout();
    const again = await cli(['retry', 'office', '--all']);
    expect(again.code).toBe(0);
    expect(await destinationCount()).toBe(MESSAGES + 1);
  });

  it('says so when the user does not grant access, and keeps the sign-in it had', async () => {
    const before = sourceSecretId();
    const signIn = runCliProcess(['--db', db, '--json', 'sign-in', 'office', ANN, '--no-browser'], env);
    const asked = await signIn.waitFor((l) => l['type'] === 'sign-in-url');
    await inChromium((p) => declineAtProvider(p, String(asked['url'])));
    expect(await signIn.exited).toBe(1);
    printed.push(JSON.stringify(signIn.lines), signIn.stderr());
    expect(signIn.stderr()).toMatch(/^Access was not granted at 127\.0\.0\.1:\d+ \(access_denied/);
    expect(signIn.lines.some((l) => l['type'] === 'signed-in')).toBe(false);
    expect(sourceSecretId()).toBe(before);
  });

  it('refuses a side that does not sign in each user, an unknown account, and a missing --side', async () => {
    const app = await cli(['sign-in', 'office', ANN, '--side', 'destination']);
    expect(app.code).toBe(2);
    expect(app.run.stderr()).toContain(
      `The new server of job "office" does not sign in each user in the browser (it uses the organisation's app for every mailbox)`,
    );
    const stranger = await cli(['sign-in', 'office', 'zed@example.test']);
    expect(stranger.code).toBe(1);
    expect(stranger.run.stderr()).toContain('The job "office" has no account "zed@example.test".');
    const both = await cli(['sign-in', 'both-sides', ANN]);
    expect(both.code).toBe(2);
    expect(both.run.stderr()).toContain('add --side source (the old server) or --side destination');
    for (const refused of [app, stranger, both])
      expect(refused.run.lines.some((l) => l['type'] === 'sign-in-url')).toBe(false);
  });

  it('never prints a token or a sign-in code, and keeps none in clear in the database', () => {
    const output = printed.join('\n');
    const stored = readdirSync(dir.path)
      .filter((f) => f.startsWith('cutover.db'))
      .map((f) => readFileSync(join(dir.path, f)).toString('latin1'))
      .join('');
    expect(output).toContain('sign-in-url');
    expect(stored.length).toBeGreaterThan(0);
    // Two sign-ins: a code, an access and a refresh token each, and the runs' renewals.
    expect(oauth.issuedTokens.length).toBeGreaterThanOrEqual(6);
    expect(oauth.issuedTokens.filter((token) => output.includes(token))).toEqual([]);
    expect(oauth.issuedTokens.filter((token) => stored.includes(token))).toEqual([]);
  });
});
