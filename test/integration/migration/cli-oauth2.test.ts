// `cutover migrate --source-auth … --dest-auth …`: the admin-wide sign-ins from a file and from
// an environment variable, never the command line, between two OAuth2-only harness servers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import type { OAuthServer } from '../../harness/oauth-server.ts';
import { startOAuth2MailServers } from '../../support/oauth2-mail-servers.ts';
import { connectTo, rawMessage } from '../../support/mail-fixtures.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';

const PASSWORD = 'only-for-seeding';
const USERS = ['dan@example.test', 'eve@example.test'];
let oauth: OAuthServer;
let source: DovecotServer;
let destination: DovecotServer;
const dir = makeTempDir('cli-oauth2');
const db = join(dir.path, 'cutover.db');

beforeAll(async () => {
  ({ oauth, source, destination } = await startOAuth2MailServers(USERS, PASSWORD));
  for (const user of USERS) {
    const client = await connectTo(source, user, PASSWORD);
    for (let i = 0; i < 3; i++) await client.append('INBOX', rawMessage({ subject: `${user} ${i}` }), []);
    await client.logout();
  }
});

afterAll(async () => {
  await Promise.allSettled([source?.stop(), destination?.stop(), oauth?.stop()]);
  dir.remove();
});

function file(name: string, content: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}

function migrate(users: string, extra: string[], options: { name?: string; env?: NodeJS.ProcessEnv } = {}) {
  const line = { db, source, destination, users, extra, ...(options.name ? { name: options.name } : {}) };
  return runCliProcess(migrateArgs(line), options.env);
}

async function inboxCount(user: string): Promise<number> {
  const client = await connectTo(destination, user, PASSWORD);
  try {
    const status = await client.status('INBOX', { messages: true });
    return status ? (status.messages ?? 0) : 0;
  } finally {
    await client.logout();
  }
}

describe('cutover migrate with OAuth2 sign-ins', () => {
  it('copies with a service account key file (old server) and an app secret from the environment (new server)', async () => {
    const keyFile = file('service-account.json', JSON.stringify(oauth.serviceAccount.key));
    const sourceAuth = file(
      'source-auth.json',
      JSON.stringify({
        method: 'delegation',
        client: oauth.serviceAccount.client,
        serviceAccountKeyFile: keyFile,
      }),
    );
    const destAuth = JSON.stringify({
      method: 'app',
      client: oauth.tenantApp.client,
      clientSecret: oauth.tenantApp.clientSecret,
    });
    // Only the usernames: nobody's password is needed.
    const users = file('users.csv', `${USERS.join('\n')}\n`);
    const run = migrate(users, ['--source-auth', sourceAuth, '--dest-auth', 'env:DEST_AUTH'], {
      env: { DEST_AUTH: destAuth },
    });
    expect(await run.exited).toBe(0);
    for (const user of USERS) expect(await inboxCount(user)).toBe(3);
    const output = JSON.stringify(run.lines) + run.stderr();
    expect(output).not.toContain(oauth.tenantApp.clientSecret);
    const stored = readFileSync(db).toString('latin1');
    expect(stored).not.toContain(oauth.tenantApp.clientSecret);
    expect(oauth.issuedTokens.filter((token) => output.includes(token) || stored.includes(token))).toEqual(
      [],
    );
  });

  it('refuses a sign-in file that misses what its kind needs, saying what to add', async () => {
    const users = file('users2.csv', `${USERS[0]}\n`);
    const sourceAuth = file(
      'bad-auth.json',
      JSON.stringify({ method: 'app', provider: 'microsoft-365', clientId: 'abc' }),
    );
    const run = migrate(users, ['--source-auth', sourceAuth], { name: 'bad-auth' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain(
      'app-only access to Microsoft 365 needs the "tenant" (e.g. contoso.onmicrosoft.com)',
    );
  });

  it('says which variable is missing when the sign-in comes from the environment', async () => {
    const users = file('users3.csv', `${USERS[0]}\n`);
    const run = migrate(users, ['--dest-auth', 'env:CUTOVER_NOT_SET'], { name: 'no-env' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('the environment variable CUTOVER_NOT_SET is not set');
  });
});
