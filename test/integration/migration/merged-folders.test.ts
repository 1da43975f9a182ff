import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

// Two source folders translated into one destination folder keep every message of both,
// counted as one folder's copy is: a message that sits in both arrives twice, once per folder.
let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'a');
  await client.mailboxCreate('Projects');
  await client.mailboxCreate('Clients');
  const same = rawMessage({ subject: 'Filed in both' });
  await client.append('Projects', same, ['\\Seen'], new Date('2024-01-01T00:00:00Z'));
  await client.append('Clients', same, ['\\Seen'], new Date('2024-01-01T00:00:00Z'));
  await client.append('Clients', same, ['\\Seen'], new Date('2024-01-01T00:00:00Z')); // and twice in Clients
  for (let i = 0; i < 3; i++) await client.append('Projects', rawMessage({ subject: `Project ${i}` }), []);
  for (let i = 0; i < 2; i++) await client.append('Clients', rawMessage({ subject: `Client ${i}` }), []);
  await client.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

const merged = async () => {
  const client = await connectTo(destination, 'ann', 'a');
  const all = (await readMailbox(client)).filter((m) => m.folder === 'Work');
  await client.logout();
  return all.map((m) => /Subject: (.*)\r\n/.exec(m.source.toString())![1]!).sort();
};

describe('two source folders merged into one by a translation', () => {
  it('keeps every message of both, and a second run copies nothing', async () => {
    const request = requestBetween(source, destination, 'ann,a\n', {
      name: 'merge',
      translate: 'Projects,Work\nClients,Work\n',
    });
    const first = await createAndRun(services, request, { source, destination });
    expect(first.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 8 });
    const expected = [
      'Client 0',
      'Client 1',
      'Filed in both',
      'Filed in both',
      'Filed in both',
      'Project 0',
      'Project 1',
      'Project 2',
    ];
    expect(await merged()).toEqual(expected);

    const again = await createAndRun(services, { ...request, name: 'merge-again' }, { source, destination });
    expect(again.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 0, messagesSkipped: 8 });
    expect(await merged()).toEqual(expected);
  });
});
