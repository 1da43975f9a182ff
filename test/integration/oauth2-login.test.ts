// The OAuth2 test bed: a harness Dovecot whose oauth2 passdb asks a real authorization server
// (oidc-provider) about each token, the way Microsoft 365 and Google check theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from '../harness/dovecot.ts';
import { MAIL_SCOPE, startOAuthServer, type OAuthServer } from '../harness/oauth-server.ts';
import { foldersWithToken } from '../support/token-login.ts';

const USER = 'ann@example.test';
const REFUSED = { authenticationFailed: true };

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
      expect(await foldersWithToken(server, USER, token)).toContain('INBOX');
    });

    it('refuses a token without the mail scope', async () => {
      const token = await oauth.issueAccessToken(USER, { scope: 'openid' });
      await expect(foldersWithToken(server, USER, token)).rejects.toMatchObject(REFUSED);
    });

    it('refuses a token issued for another mailbox', async () => {
      const token = await oauth.issueAccessToken('bob@example.test');
      await expect(foldersWithToken(server, USER, token)).rejects.toMatchObject(REFUSED);
    });

    it('refuses a revoked token', async () => {
      const token = await oauth.issueAccessToken(USER);
      await oauth.revoke(token);
      await expect(foldersWithToken(server, USER, token)).rejects.toMatchObject(REFUSED);
    });
  },
);
