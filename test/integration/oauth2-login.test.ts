// The OAuth2 test bed: a harness Dovecot whose oauth2 passdb asks a real authorization server
// (oidc-provider) about each token, the way Microsoft 365 and Google check theirs.
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from '../harness/dovecot.ts';
import { MAIL_SCOPE, startOAuthServer, type OAuthServer } from '../harness/oauth-server.ts';

const USER = 'ann@example.test';
const REFUSED = { authenticationFailed: true };

async function signIn(server: DovecotServer, user: string, accessToken: string): Promise<string[]> {
  const client = new ImapFlow({
    host: server.host,
    port: server.ports.imaps,
    secure: true,
    auth: { user, accessToken },
    tls: { ca: server.certificate.certPem, servername: 'localhost' },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const listed = await client.list();
    return listed.map((box) => box.path);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

describe.each([['oauthbearer'], ['xoauth2']] as const)(
  'Dovecot with %s against oidc-provider',
  (mechanism) => {
    let oauth: OAuthServer;
    let server: DovecotServer;

    beforeAll(async () => {
      oauth = await startOAuthServer();
      server = await startDovecot({
        users: [{ username: USER, password: 'not-used-here' }],
        oauth2: { introspectionUrl: oauth.introspectionUrl, scope: MAIL_SCOPE, mechanisms: [mechanism] },
      });
    });
    afterAll(async () => {
      await server?.stop();
      await oauth?.stop();
    });

    it('signs in with an active token for the mailbox', async () => {
      const token = await oauth.issueAccessToken(USER);
      expect(await signIn(server, USER, token)).toContain('INBOX');
    });

    it('refuses a token without the mail scope', async () => {
      const token = await oauth.issueAccessToken(USER, { scope: 'openid' });
      await expect(signIn(server, USER, token)).rejects.toMatchObject(REFUSED);
    });

    it('refuses a token issued for another mailbox', async () => {
      const token = await oauth.issueAccessToken('bob@example.test');
      await expect(signIn(server, USER, token)).rejects.toMatchObject(REFUSED);
    });

    it('refuses a revoked token', async () => {
      const token = await oauth.issueAccessToken(USER);
      await oauth.revoke(token);
      await expect(signIn(server, USER, token)).rejects.toMatchObject(REFUSED);
    });
  },
);
