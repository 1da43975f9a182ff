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
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'a');
  for (let i = 0; i < 20; i++) await client.append('INBOX', rawMessage({ subject: `ann ${i}` }), []);
  await client.logout();
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
});
