// Copies between two OAuth2-only servers (Dovecot's oauth2 passdb asking a real authorization
// server, oidc-provider, about every token): a Google Workspace–like source read by a service
// account acting as each user, a Microsoft 365–like destination written by an app-only token
// (its app signing in with a client secret or a certificate), and each user's own sign-in (refresh tokens) on both sides with tokens that expire mid-job.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import type { OAuthServer } from '../../harness/oauth-server.ts';
import { startOAuth2MailServers } from '../../support/oauth2-mail-servers.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import { createAndRun, requestBetween, runAgain } from '../../support/migration-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startReplyInjector } from '../../harness/reply-injector.ts';
import type { SignInRequest } from '../../../main/engine/migration/sign-in-request.ts';
import { createJob } from '../../../main/engine/migration/create-job.ts';
import { issueCertificate } from '../../harness/certificates.ts';

const PASSWORD = 'only-for-seeding';
const ANN = 'ann@example.test';
const BOB = 'bob@example.test';
const CAROL = 'carol@example.test';
const DAN = 'dan@example.test';
const GUS = 'gus@example.test';
const EVE = 'eve@example.test';
const TOKEN_TTL_SECONDS = 3;

let oauth: OAuthServer;
let source: DovecotServer;
let destination: DovecotServer;
const dir = makeTempDir('cutover-oauth2-');
const clock = fixedClock('2026-11-24T09:00:00.000Z');
const services = createTestServices(join(dir.path, 'cutover.db'), { clock });

beforeAll(async () => {
  ({ oauth, source, destination } = await startOAuth2MailServers([ANN, BOB, CAROL, DAN, GUS, EVE], PASSWORD, {
    accessTokenTtlSeconds: TOKEN_TTL_SECONDS,
  }));
  for (const user of [ANN, BOB, CAROL, DAN, GUS, EVE]) {
    const client = await connectTo(source, user, PASSWORD);
    for (let i = 0; i < 4; i++)
      await client.append('INBOX', rawMessage({ subject: `${user} ${i}`, body: 'y'.repeat(1200) }), [
        '\\Seen',
      ]);
    await client.mailboxCreate('Projects');
    await client.append('Projects', rawMessage({ subject: `${user} plan` }), ['\\Flagged']);
    await client.logout();
  }
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop(), oauth?.stop()]);
  dir.remove();
});

/** Every folder's messages (bytes, flags, dates), without the UIDs each server gave them. */
async function mailOf(server: DovecotServer, user: string) {
  const client = await connectTo(server, user, PASSWORD);
  try {
    const messages = await readMailbox(client);
    return messages
      .map(({ folder, flags, internalDate, source }) => ({
        folder,
        flags,
        internalDate,
        source: source.toString(),
      }))
      .sort((a, b) => `${a.folder}${a.source}`.localeCompare(`${b.folder}${b.source}`));
  } finally {
    await client.logout();
  }
}

const delegation = (): SignInRequest => ({
  method: 'delegation',
  client: oauth.serviceAccount.client,
  serviceAccountKey: JSON.stringify(oauth.serviceAccount.key),
});
const tenantApp = (): SignInRequest => ({
  method: 'app',
  client: oauth.tenantApp.client,
  clientSecret: oauth.tenantApp.clientSecret,
});
const certificateApp = (pem = oauth.tenantCertificateApp.pem): SignInRequest => ({
  method: 'app',
  client: oauth.tenantCertificateApp.client,
  certificate: pem,
});
const userSignIn = (): SignInRequest => ({ method: 'user', client: oauth.desktopClient });

function signInRequest(
  name: string,
  users: string,
  sourceSignIn: SignInRequest,
  destinationSignIn: SignInRequest,
) {
  const base = requestBetween(source, destination, users, { name });
  return {
    ...base,
    source: { ...base.source, signIn: sourceSignIn },
    destination: { ...base.destination, signIn: destinationSignIn },
  };
}

/** Gives each job account the refresh token of its user's sign-in, as the sign-in page would. */
async function signInEveryone(jobName: string, sides: Array<'source' | 'destination'>) {
  const job = services.jobs.byName(jobName);
  for (const account of services.jobs.accounts(job.id))
    for (const side of sides)
      services.jobs.setAccountSecret(
        account.id,
        side,
        services.secrets.put(
          await oauth.issueRefreshToken(side === 'source' ? account.username : account.localUsername),
        ),
      );
}

describe('OAuth2 sign-ins on both sides', () => {
  it('copies every account with a service account (source) and an app-only token (destination)', async () => {
    const before = oauth.tokenRequests.length;
    const summary = await createAndRun(
      services,
      signInRequest('workspace-to-365', `${ANN}\n${BOB}\n`, delegation(), tenantApp()),
      { source, destination },
    );
    expect(summary.accounts.map((a) => [a.username, a.status, a.messagesCopied])).toEqual([
      [ANN, 'done', 5],
      [BOB, 'done', 5],
    ]);
    for (const user of [ANN, BOB]) {
      const copied = await mailOf(destination, user);
      expect(copied).toHaveLength(5);
      expect(copied).toEqual(await mailOf(source, user));
    }
    const grants = oauth.tokenRequests.slice(before);
    // One app token serves both mailboxes; the service account asks once per user.
    expect(grants.filter((g) => g === 'client_credentials').length).toBeGreaterThanOrEqual(1);
    expect(grants.filter((g) => g === 'client_credentials').length).toBeLessThan(
      grants.filter((g) => g.endsWith('jwt-bearer')).length,
    );
    expect(grants.filter((g) => g.endsWith('jwt-bearer')).length).toBeGreaterThanOrEqual(2);
  });

  it('copies the other way: app-only out of the old server, a service account into the new one', async () => {
    const summary = await createAndRun(
      services,
      signInRequest('365-to-workspace', `${DAN}\n`, tenantApp(), delegation()),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 5 });
    expect(await mailOf(destination, DAN)).toEqual(await mailOf(source, DAN));
  });

  it("copies into Microsoft 365 with the app's certificate instead of a client secret", async () => {
    const before = oauth.tokenRequests.length;
    const summary = await createAndRun(
      services,
      signInRequest('certificate-app', `${EVE}\n`, delegation(), certificateApp()),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 5 });
    expect(await mailOf(destination, EVE)).toEqual(await mailOf(source, EVE));
    expect(oauth.tokenRequests.slice(before)).toContain('client_credentials');
  });

  it('says a certificate the app does not know is the app registration to fix', async () => {
    const other = await issueCertificate(join(dir.path, 'certificates'), null, {
      commonName: 'Not uploaded to the app',
      altNames: [],
      keyType: 'rsa',
    });
    const summary = await createAndRun(
      services,
      signInRequest(
        'unknown-certificate',
        `${EVE}\n`,
        delegation(),
        certificateApp(other.certPem + other.keyPem),
      ),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'destination-auth-failed' });
    expect(summary.accounts[0]!.errorMessage).toMatch(
      /refused the app registration cutover-tenant-certificate-app \(invalid_client/,
    );
    expect(summary.accounts[0]!.errorMessage).toMatch(/Check the app registration/);
  });

  it("renews each user's short-lived token when the job goes on after it expired", async () => {
    const name = 'own-sign-ins';
    const daily = 3_000;
    const job = signInRequest(name, `${CAROL}\n`, userSignIn(), userSignIn());
    createJob(
      { ...job, destination: { ...job.destination, dailyUploadBytes: daily } },
      services.jobs,
      services.secrets,
    );
    await signInEveryone(name, ['source', 'destination']);
    const before = oauth.tokenRequests.length;
    // The day's quota runs out after two messages; the next day comes after the tokens expired.
    const summary = await runAgain(
      services,
      name,
      { source, destination },
      {},
      {
        sleep: async (ms) => {
          await new Promise((resolve) => setTimeout(resolve, (TOKEN_TTL_SECONDS + 1) * 1000));
          clock.set(new Date(clock.now().getTime() + ms).toISOString());
        },
      },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 5, messagesFailed: 0 });
    expect(await mailOf(destination, CAROL)).toEqual(await mailOf(source, CAROL));
    const refreshes = oauth.tokenRequests.slice(before).filter((g) => g === 'refresh_token');
    // Both sides at the start, and both again on each later day.
    expect(refreshes.length).toBeGreaterThanOrEqual(4);

    // The refresh tokens the provider rotated were stored: a second run signs in with them.
    const again = await runAgain(services, name, { source, destination });
    expect(again.accounts[0]).toMatchObject({ status: 'done' });
    expect(await mailOf(destination, CAROL)).toEqual(await mailOf(source, CAROL));
  });

  it('signs in again with a renewed token when Microsoft 365 ends the session because its token expired', async () => {
    const microsoft = await startReplyInjector(destination, [
      { command: 'APPEND', reply: 'BYE Session invalidated - AccessTokenExpired', hangUp: true },
    ]);
    try {
      const name = 'token-expired-session';
      const base = signInRequest(name, `${GUS}\n`, delegation(), userSignIn());
      createJob(
        { ...base, destination: { ...base.destination, port: microsoft.port } },
        services.jobs,
        services.secrets,
      );
      await signInEveryone(name, ['destination']);
      const before = oauth.tokenRequests.length;
      const summary = await runAgain(
        services,
        name,
        { source, destination },
        {},
        // The retry comes after the first token has run out.
        { sleep: () => new Promise((resolve) => setTimeout(resolve, (TOKEN_TTL_SECONDS + 1) * 1000)) },
      );
      expect(microsoft.injected).toEqual(['APPEND → BYE Session invalidated - AccessTokenExpired']);
      expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 5, messagesFailed: 0 });
      expect(await mailOf(destination, GUS)).toEqual(await mailOf(source, GUS));
      expect(
        oauth.tokenRequests.slice(before).filter((g) => g === 'refresh_token').length,
      ).toBeGreaterThanOrEqual(2);
    } finally {
      await microsoft.stop();
    }
  });

  it('gives a revoked sign-in a "sign in again" state, and carries on once the user signed in again', async () => {
    const name = 'revoked';
    createJob(signInRequest(name, `${BOB}\n`, userSignIn(), tenantApp()), services.jobs, services.secrets);
    const job = services.jobs.byName(name);
    const [account] = services.jobs.accounts(job.id);
    const refreshToken = await oauth.issueRefreshToken(BOB);
    const secretId = services.secrets.put(refreshToken);
    services.jobs.setAccountSecret(account!.id, 'source', secretId);
    await oauth.revoke(refreshToken);

    const failed = await runAgain(services, name, { source, destination });
    expect(failed.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'sign-in-again' });
    expect(failed.accounts[0]!.errorMessage).toMatch(
      /^The sign-in of bob@example\.test to the old server has expired or was withdrawn\. Sign in again/,
    );

    services.secrets.replace(secretId, await oauth.issueRefreshToken(BOB));
    const retried = await runAgain(services, name, { source, destination });
    expect(retried.accounts[0]).toMatchObject({ status: 'done' });
  });

  it('asks to sign in again as the right person when the token is refused (another user, or no mail scope)', async () => {
    const cases = [
      {
        name: 'no-mail-scope',
        token: () => oauth.issueRefreshToken(ANN, { scope: 'openid offline_access' }),
      },
      // Someone else signed in in the browser for ann's account.
      { name: 'someone-else', token: () => oauth.issueRefreshToken(BOB) },
    ];
    for (const { name, token } of cases) {
      createJob(signInRequest(name, `${ANN}\n`, userSignIn(), tenantApp()), services.jobs, services.secrets);
      const [account] = services.jobs.accounts(services.jobs.byName(name).id);
      services.jobs.setAccountSecret(account!.id, 'source', services.secrets.put(await token()));
      const summary = await runAgain(services, name, { source, destination });
      expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'sign-in-again' });
      expect(summary.accounts[0]!.errorMessage).toMatch(
        /refused the sign-in of ann@example\.test\. Sign in again as ann@example\.test \(the browser may have signed in someone else\)/,
      );
    }
  });

  it('says a service account token the server refuses is the app registration to fix', async () => {
    const name = 'delegation-without-mail-scope';
    const request: SignInRequest = {
      ...delegation(),
      client: { ...oauth.serviceAccount.client, appScopes: ['openid'] },
    } as SignInRequest;
    createJob(signInRequest(name, `${ANN}\n`, request, tenantApp()), services.jobs, services.secrets);
    const summary = await runAgain(services, name, { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'source-auth-failed' });
    expect(summary.accounts[0]!.errorMessage).toMatch(
      /refused the sign-in token for ann@example\.test: the app may lack IMAP access/,
    );
  });

  it('says a refused service account key is the app registration to fix, not a sign-in to redo', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const otherKey = {
      ...oauth.serviceAccount.key,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const request: SignInRequest = {
      method: 'delegation',
      client: oauth.serviceAccount.client,
      serviceAccountKey: JSON.stringify(otherKey),
    };
    const summary = await createAndRun(
      services,
      signInRequest('wrong-key', `${ANN}\n`, request, tenantApp()),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'source-auth-failed' });
    expect(summary.accounts[0]!.errorMessage).toMatch(/Check the app registration/);
  });

  it("says the job's sign-in is gone when its stored secret was removed since (the server settings changed)", async () => {
    const name = 'secret-removed';
    createJob(signInRequest(name, `${ANN}\n`, delegation(), tenantApp()), services.jobs, services.secrets);
    const job = services.jobs.byName(name);
    const signIn = job.spec.destination.signIn;
    if (signIn?.method !== 'app') throw new Error('the job should sign in with the app');
    // What a project does when its new server's sign-in is changed to passwords.
    services.secrets.remove(signIn.clientSecretId);
    const summary = await runAgain(services, name, { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'destination-auth-failed' });
    expect(summary.accounts[0]!.errorMessage).toMatch(
      /^The new server's sign-in for ann@example\.test is no longer stored/,
    );
  });

  it('keeps no token, client secret or key in clear in the database or the log', () => {
    services.close();
    const files = readdirSync(dir.path).filter((f) => f.startsWith('cutover.db'));
    const stored = files.map((f) => readFileSync(join(dir.path, f)).toString('latin1')).join('');
    expect(stored.length).toBeGreaterThan(0);
    const secrets = [
      ...oauth.issuedTokens,
      oauth.tenantApp.clientSecret,
      oauth.serviceAccount.key.private_key.split('\n')[1]!,
      oauth.tenantCertificateApp.pem.split('-----BEGIN PRIVATE KEY-----\n')[1]!.split('\n')[0]!,
    ];
    expect(oauth.issuedTokens.length).toBeGreaterThan(4);
    expect(secrets.filter((s) => stored.includes(s))).toEqual([]);
  });
});
