import { describe, expect, it } from 'vitest';
import { readSignIn } from '../../../main/hosts/cli/sign-in-file.ts';
import { signInProblems } from '../../../main/engine/migration/sign-in-request.ts';

const env = (value: unknown) => ({ AUTH: JSON.stringify(value) });

describe('a sign-in given to the CLI', () => {
  it('fills a preset provider in, with the tenant for app-only access', () => {
    const request = readSignIn(
      'env:AUTH',
      '--dest-auth',
      env({
        method: 'app',
        provider: 'm365',
        tenant: 'contoso.onmicrosoft.com',
        clientId: 'c1',
        clientSecret: 's',
      }),
    );
    expect(request).toMatchObject({
      method: 'app',
      clientSecret: 's',
      client: { clientId: 'c1', tokenEndpoint: expect.stringContaining('/contoso.onmicrosoft.com/') },
    });
  });

  it("takes a Google service account's client from its key", () => {
    const key = { type: 'service_account', client_id: '1234', client_email: 'a@b.iam', private_key: 'x' };
    const request = readSignIn(
      'env:AUTH',
      '--source-auth',
      env({ method: 'delegation', provider: 'google', serviceAccountKey: key }),
    );
    expect(request).toMatchObject({ method: 'delegation', client: { clientId: '1234' } });
    expect(JSON.parse((request as { serviceAccountKey: string }).serviceAccountKey)).toEqual(key);
  });

  it('refuses an unknown provider and a wrong method, saying what is known', () => {
    expect(() =>
      readSignIn('env:AUTH', '--source-auth', env({ method: 'user', provider: 'yahoo', clientId: 'x' })),
    ).toThrow(/"yahoo" is not a provider Cutover knows; use "google" or "microsoft-365"/);
    expect(() => readSignIn('env:AUTH', '--source-auth', env({ method: 'magic' }))).toThrow(
      /method is "user"/,
    );
    expect(() => readSignIn('env:AUTH', '--source-auth', { AUTH: 'not json' })).toThrow(/not JSON/);
  });
});

describe('a sign-in request', () => {
  const client = {
    issuer: 'https://id.example',
    authorizationEndpoint: 'https://id.example/auth',
    tokenEndpoint: 'https://id.example/token',
    clientId: 'c',
    userScopes: ['imap'],
    appScopes: [],
  };

  it('says a service account key that is not one is unusable, without showing it', () => {
    const problems = signInProblems(
      {
        method: 'delegation',
        client: { ...client, appScopes: ['imap'] },
        serviceAccountKey: '{"type":"user","secret":"s3cr3t"}',
      },
      'source sign-in',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^source sign-in: The service account key file is not usable/);
    expect(problems[0]).not.toContain('s3cr3t');
  });

  it('needs a scope to ask for', () => {
    expect(signInProblems({ method: 'app', client, clientSecret: 's' }, 'destination sign-in')).toEqual([
      'destination sign-in: no scope to ask for IMAP access.',
    ]);
    expect(signInProblems({ method: 'user', client }, 'x')).toEqual([]);
  });
});
