import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/test-services.ts';
import type { Services } from '../../../main/hosts/services.ts';
import { requestFromProject } from '../../../main/engine/migration/project-job.ts';
import { createJob } from '../../../main/engine/migration/create-job.ts';
import { credentialsFor } from '../../../main/engine/migration/account-credentials.ts';
import { GMAIL_DAILY_UPLOAD_BYTES, presetClient } from '../../../shared/provider-presets.ts';

// A project server's OAuth2 sign-in: its secrets stored encrypted and never answered back, and
// a job started from the project signing in with it.
const APP_SECRET = 'app-secret-0123456789';
const KEY_PRIVATE = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-real-key';
const SERVICE_ACCOUNT_KEY = JSON.stringify({
  type: 'service_account',
  client_email: 'cutover@acme-mail.iam.gserviceaccount.com',
  private_key: `-----BEGIN PRIVATE KEY-----\n${KEY_PRIVATE}\n-----END PRIVATE KEY-----\n`,
  token_uri: 'https://oauth2.googleapis.com/token',
});
const microsoftApp = {
  method: 'app',
  client: presetClient('microsoft-365', 'app-client-id', 'acme.onmicrosoft.com'),
  clientSecret: APP_SECRET,
} as const;
const googleDelegation = {
  method: 'delegation',
  client: presetClient('google', '1234567890'),
  serviceAccountKey: SERVICE_ACCOUNT_KEY,
} as const;

/** jobs.startForProject's arguments with their defaults. */
const ARGS = (projectId: number) => ({ projectId, skip: '', translate: '', concurrency: 4 });

let services: Services;
let projectId: number;

beforeEach(() => {
  services = createTestServices();
  projectId = services.projects.create({ name: 'Acme', customer: '', domains: [], cutoverDate: null }).id;
});
afterEach(() => services.close());

const secretCount = () => (services.db.prepare('SELECT COUNT(*) AS n FROM secrets').get() as { n: number }).n;
/** Every stored byte that could hold a secret: the profiles and the secrets' ciphertext. */
const storedText = () =>
  JSON.stringify(services.db.prepare('SELECT * FROM server_profiles').all()) +
  (services.db.prepare('SELECT ciphertext FROM secrets').all() as Array<{ ciphertext: Buffer }>)
    .map((r) => r.ciphertext.toString('latin1'))
    .join('');

describe('a server profile with a sign-in', () => {
  it('stores the app secret encrypted and answers only which app signs in and that a secret is stored', async () => {
    const saved = await services.dispatch('profiles.save', {
      projectId,
      role: 'source',
      host: 'outlook.office365.com',
      protocol: 'imaps',
      signIn: microsoftApp,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        signIn: {
          method: 'app',
          provider: 'microsoft-365',
          issuer: 'https://login.microsoftonline.com/acme.onmicrosoft.com/v2.0',
          tenant: 'acme.onmicrosoft.com',
          clientId: 'app-client-id',
          hasSecret: true,
        },
      },
    });
    const answered = JSON.stringify([saved, await services.dispatch('profiles.get', { projectId })]);
    expect(answered).not.toContain(APP_SECRET);
    expect(answered).not.toMatch(/secretId/i);
    expect(storedText()).not.toContain(APP_SECRET);
    const stored = services.serverProfiles.signIn(projectId, 'source');
    expect(stored).toMatchObject({ method: 'app', client: { clientId: 'app-client-id' } });
    expect(services.secrets.reveal((stored as { clientSecretId: number }).clientSecretId)).toBe(APP_SECRET);
  });

  it('keeps the sign-in when it is left out, replaces its secret in place, and removes it with passwords', async () => {
    const base = { projectId, role: 'destination', host: 'imap.gmail.com', protocol: 'imaps' } as const;
    await services.dispatch('profiles.save', { ...base, signIn: googleDelegation });
    const keyId = (services.serverProfiles.signIn(projectId, 'destination') as { keySecretId: number })
      .keySecretId;
    const count = secretCount();
    expect(await services.dispatch('profiles.save', { ...base, allowPlaintext: false })).toMatchObject({
      ok: true,
      value: {
        signIn: { method: 'delegation', provider: 'google', clientId: '1234567890', hasSecret: true },
      },
    });
    const newKey = SERVICE_ACCOUNT_KEY.replace('cutover@', 'mover@');
    await services.dispatch('profiles.save', {
      ...base,
      signIn: { ...googleDelegation, serviceAccountKey: newKey },
    });
    expect(services.serverProfiles.signIn(projectId, 'destination')).toMatchObject({ keySecretId: keyId });
    expect(services.secrets.reveal(keyId)).toBe(newKey);
    expect(secretCount()).toBe(count);
    expect(storedText()).not.toContain(KEY_PRIVATE);

    expect(
      await services.dispatch('profiles.save', { ...base, signIn: { method: 'password' } }),
    ).toMatchObject({
      ok: true,
      value: { signIn: { method: 'password', clientId: null, hasSecret: false } },
    });
    expect(services.serverProfiles.signIn(projectId, 'destination')).toBeNull();
    expect(secretCount()).toBe(count - 1);
  });

  it('refuses a sign-in it could not use, saying what to fix', async () => {
    const base = { projectId, role: 'source', host: 'imap.gmail.com' } as const;
    expect(
      await services.dispatch('profiles.save', {
        ...base,
        protocol: 'imaps',
        signIn: { ...googleDelegation, serviceAccountKey: '{"type":"authorized_user"}' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        field: 'signIn',
        message: expect.stringMatching(/service account/),
      },
    });
    expect(
      await services.dispatch('profiles.save', { ...base, protocol: 'pop3s', signIn: microsoftApp }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'signIn', message: expect.stringMatching(/IMAP only/) },
    });
    expect(services.serverProfiles.get(projectId, 'source')).toBeNull();
    expect(secretCount()).toBe(0);
  });
});

describe('a job started from the project', () => {
  it("signs in with the profiles' stored sign-ins, by reference, and keeps to Gmail's daily limit", async () => {
    await services.dispatch('profiles.save', {
      projectId,
      role: 'source',
      host: 'outlook.office365.com',
      protocol: 'imaps',
      signIn: microsoftApp,
    });
    await services.dispatch('profiles.save', {
      projectId,
      role: 'destination',
      host: 'imap.gmail.com',
      protocol: 'imaps',
      signIn: googleDelegation,
    });
    // The organisation's app signs in for every mailbox: no passwords needed.
    for (const username of ['ann@acme.test', 'bob@acme.test'])
      expect(await services.dispatch('accounts.add', { projectId, username })).toMatchObject({ ok: true });
    const before = secretCount();

    const job = createJob(
      requestFromProject(ARGS(projectId), services.accounts, services.serverProfiles),
      services.jobs,
      services.secrets,
    );
    expect(job.spec.source.signIn).toEqual(services.serverProfiles.signIn(projectId, 'source'));
    expect(job.spec.destination.signIn).toEqual(services.serverProfiles.signIn(projectId, 'destination'));
    expect(job.spec.destination.dailyUploadBytes).toBe(GMAIL_DAILY_UPLOAD_BYTES);
    expect(secretCount()).toBe(before);
    expect(JSON.stringify(job.spec)).not.toContain(APP_SECRET);

    const [ann] = services.jobs.accounts(job.id);
    expect(credentialsFor(ann!, job, services.accounts)).toMatchObject({
      source: { kind: 'oauth2', user: 'ann@acme.test', grant: { type: 'client-credentials' } },
      destination: { kind: 'oauth2', user: 'ann@acme.test', grant: { type: 'jwt-bearer' } },
    });
  });

  it('asks for the passwords when the old server signs in with them', async () => {
    for (const role of ['source', 'destination'] as const)
      await services.dispatch('profiles.save', { projectId, role, host: `${role}.test`, protocol: 'imaps' });
    await services.dispatch('accounts.add', { projectId, username: 'ann@acme.test' });
    expect(() => requestFromProject(ARGS(projectId), services.accounts, services.serverProfiles)).toThrow(
      /no old-server password yet: ann@acme.test/,
    );
  });
});
