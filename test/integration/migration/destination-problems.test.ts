import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      users: [
        { username: 'ann', password: 'a' },
        { username: 'bob', password: 'b' },
      ],
    }),
    startDovecot({
      users: [
        { username: 'ann', password: 'a', quotaMessages: 3 },
        { username: 'bob', password: 'bob-on-new-server' },
      ],
      masterUser: { username: 'admin', password: 'admin-secret' },
    }),
  ]);
  for (const [user, password, count] of [
    ['ann', 'a', 5],
    ['bob', 'b', 2],
  ] as const) {
    const client = await connectTo(source, user, password);
    for (let i = 0; i < count; i++)
      await client.append(
        'INBOX',
        rawMessage({ subject: `${user} ${i}` }),
        [],
        new Date('2022-01-01T00:00:00Z'),
      );
    await client.logout();
  }
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('problems on the destination', () => {
  it('a full mailbox stops that account at once, says what to do, and is not hammered with retries', async () => {
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,a\n', { name: 'quota' }),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'over-quota' });
    expect(summary.accounts[0]!.errorMessage).toMatch(
      /mailbox of ann is full \(over quota\)\. Raise its quota/,
    );
    const log = services.eventLog.forJob(summary.job.id, 'ann');
    expect(log.filter((l) => /next try at/.test(l.message))).toEqual([]);
    expect(await readMailbox(await connectTo(destination, 'ann', 'a'))).toHaveLength(3);
  });

  it('a wrong destination password names the new server and suggests creating the account', async () => {
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'bob,b\n', { name: 'wrong-dest' }),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'destination-auth-failed' });
    expect(summary.accounts[0]!.errorMessage).toMatch(
      /new server .* refused the login for bob\. Check the password, or create the account on the new server first/,
    );
  });

  it('an admin login acts for each user when no destination password is given', async () => {
    const request = requestBetween(source, destination, 'bob,b\n', {
      name: 'admin',
      destination: {
        host: destination.host,
        port: destination.ports.imaps,
        adminUser: 'admin',
        adminPassword: 'admin-secret',
      },
    });
    const summary = await createAndRun(services, request, { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 2 });
    const bob = await readMailbox(await connectTo(destination, 'bob', 'bob-on-new-server'));
    expect(
      bob.map((m) => m.source.includes('Subject: bob 0') || m.source.includes('Subject: bob 1')),
    ).toEqual([true, true]);
  });
});
