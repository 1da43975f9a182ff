import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

// Two jobs that share an account (a batch started twice, or a pasted list overlapping the
// project's) running at the same time: the mailbox lock makes the second wait, so both listing
// the destination before either has copied can no longer copy everything twice.
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
        { username: 'ann', password: 'a' },
        { username: 'bob', password: 'b' },
      ],
    }),
  ]);
  for (const [user, password] of [
    ['ann', 'a'],
    ['bob', 'b'],
  ] as const) {
    const client = await connectTo(source, user, password);
    for (let i = 0; i < 20; i++) await client.append('INBOX', rawMessage({ subject: `${user} ${i}` }), []);
    await client.logout();
  }
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('one account in two jobs running at once', () => {
  it('ends with every message exactly once', async () => {
    const servers = { source, destination };
    await Promise.all([
      createAndRun(services, requestBetween(source, destination, 'ann,a\n', { name: 'first' }), servers),
      createAndRun(services, requestBetween(source, destination, 'ann,a\n', { name: 'second' }), servers),
    ]);
    const client = await connectTo(destination, 'ann', 'a');
    const copies = await readMailbox(client);
    await client.logout();
    expect(copies).toHaveLength(20);
  });

  it('is one mailbox whichever port or protocol reaches it: a job over 143 and one over 993 do not both copy', async () => {
    const servers = { source, destination };
    const over143 = requestBetween(source, destination, 'bob,b\n', {
      name: 'over-143',
      destination: { host: destination.host, protocol: 'imap', port: destination.ports.imap },
    });
    const over993 = requestBetween(source, destination, 'bob,b\n', { name: 'over-993' });
    const summaries = await Promise.all([
      createAndRun(services, over143, servers),
      createAndRun(services, over993, servers),
    ]);
    expect(summaries.map((s) => s.status)).toEqual(['done', 'done']);
    const client = await connectTo(destination, 'bob', 'b');
    const copies = await readMailbox(client);
    await client.logout();
    expect(copies).toHaveLength(20);
    expect(summaries.map((s) => s.accounts[0]!.messagesCopied).sort()).toEqual([0, 20]);
  });
});
