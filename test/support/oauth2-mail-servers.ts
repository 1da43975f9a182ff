import { startDovecot, type DovecotServer } from '../harness/dovecot.ts';
import { MAIL_SCOPE, TENANT_SCOPE, startOAuthServer, type OAuthServer } from '../harness/oauth-server.ts';

/**
 * An authorization server and two OAuth2-only harness Dovecots (old and new server) that take
 * each user's own tokens (Google-like) and app-only tokens for the tenant (Microsoft 365–like);
 * `password` still logs in, for seeding and reading mail back.
 */
export async function startOAuth2MailServers(
  usernames: string[],
  password: string,
  options: { accessTokenTtlSeconds?: number } = {},
): Promise<{ oauth: OAuthServer; source: DovecotServer; destination: DovecotServer }> {
  const oauth = await startOAuthServer({ tenant: 'example.test', ...options });
  const users = usernames.map((username) => ({ username, password }));
  const oauth2 = { introspectionUrl: oauth.introspectionUrl, scope: MAIL_SCOPE, tenantScope: TENANT_SCOPE };
  const [source, destination] = await Promise.all([
    startDovecot({ users, oauth2 }),
    startDovecot({ users, oauth2 }),
  ]);
  return { oauth, source, destination };
}
