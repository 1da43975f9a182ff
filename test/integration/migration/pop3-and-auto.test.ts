import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();
const latin1 = Buffer.concat([
  Buffer.from(
    'From: a@old.test\r\nSubject: Gr\xfc\xdfe\r\nMessage-ID: <latin1@old.test>\r\nDate: Fri, 01 Mar 2019 12:00:00 +0000\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
    'latin1',
  ),
  Buffer.from([
    0x53, 0xfc, 0xdf, 0x0d, 0x0a, 0x2e, 0x20, 0x61, 0x20, 0x64, 0x6f, 0x74, 0x20, 0x6c, 0x69, 0x6e, 0x65,
    0x0d, 0x0a,
  ]),
]);

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      users: [
        { username: 'pop', password: 'p' },
        { username: 'auto', password: 'a' },
        { username: 'read', password: 'r' },
      ],
    }),
    startDovecot({
      users: [
        { username: 'pop', password: 'p' },
        { username: 'auto', password: 'a' },
        { username: 'read', password: 'r' },
      ],
    }),
  ]);
  for (const [user, password] of [
    ['pop', 'p'],
    ['auto', 'a'],
  ] as const) {
    const client = await connectTo(source, user, password);
    await client.append('INBOX', latin1, [], new Date('2019-03-01T12:00:00Z'));
    await client.append(
      'INBOX',
      rawMessage({ subject: 'No id', messageId: null, date: 'Sat, 02 Mar 2019 08:00:00 +0000' }),
      [],
      new Date('2019-03-05T00:00:00Z'),
    );
    await client.mailboxCreate('Work');
    await client.append(
      'Work',
      rawMessage({ subject: 'Work item' }),
      ['\\Flagged'],
      new Date('2020-05-05T05:05:05Z'),
    );
    await client.logout();
  }
  const reader = await connectTo(source, 'read', 'r');
  for (let i = 0; i < 5; i++)
    await reader.append(
      'INBOX',
      rawMessage({ subject: `Read ${i}` }),
      i === 0 ? ['\\Seen', '\\Flagged'] : ['\\Seen'],
    );
  await reader.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

const inbox = async (server: DovecotServer, user: string, password: string) =>
  (await readMailbox(await connectTo(server, user, password))).filter((m) => m.folder === 'INBOX');

describe('POP3 sources', () => {
  it('over STLS: copies INBOX byte for byte (8-bit and dot lines too), dated by the Date header, and leaves the source unread', async () => {
    const request = requestBetween(source, destination, 'pop,p\n', {
      name: 'pop3-stls',
      source: { host: source.host, protocol: 'pop3', ports: { pop3: source.ports.pop3 } },
    });
    const summary = await createAndRun(services, request, { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 2 });
    const copied = await inbox(destination, 'pop', 'p');
    expect(copied.map((m) => m.source.toString('base64')).sort()).toEqual(
      (await inbox(source, 'pop', 'p')).map((m) => m.source.toString('base64')).sort(),
    );
    expect(copied.map((m) => m.internalDate).sort()).toEqual([
      '2019-03-01T12:00:00.000Z',
      '2019-03-02T08:00:00.000Z',
    ]);
    expect((await inbox(source, 'pop', 'p')).map((m) => m.flags)).toEqual([[], []]);
    expect(
      (await readMailbox(await connectTo(destination, 'pop', 'p'))).some((m) => m.folder === 'Work'),
    ).toBe(false);
  });

  it('over POP3S, a second run copies nothing', async () => {
    const request = requestBetween(source, destination, 'pop,p\n', {
      name: 'pop3s',
      source: { host: source.host, protocol: 'pop3s', ports: { pop3s: source.ports.pop3s } },
    });
    const summary = await createAndRun(services, request, { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 0, messagesSkipped: 2 });
    expect(await inbox(destination, 'pop', 'p')).toHaveLength(2);
  });

  it('Auto: INBOX over POP3, the other folders over IMAP', async () => {
    const request = requestBetween(source, destination, 'auto,a\n', {
      name: 'auto',
      source: {
        host: source.host,
        protocol: 'auto',
        ports: { imap: 0, imaps: source.ports.imaps, pop3: 0, pop3s: source.ports.pop3s },
      },
    });
    const summary = await createAndRun(services, request, { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 3 });
    const all = await readMailbox(await connectTo(destination, 'auto', 'a'));
    expect(all.filter((m) => m.folder === 'INBOX')).toHaveLength(2);
    expect(all.filter((m) => m.folder === 'Work').map((m) => m.flags)).toEqual([['\\Flagged']]);
    expect((await inbox(source, 'auto', 'a')).map((m) => m.flags)).toEqual([[], []]);
  });

  it('an Auto pass after an IMAP copy of the same account leaves every flag on the destination as it was', async () => {
    const imapFirst = await createAndRun(
      services,
      requestBetween(source, destination, 'read,r\n', { name: 'read-imaps' }),
      { source, destination },
    );
    expect(imapFirst.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 5 });
    const flagsOf = async () =>
      (await inbox(destination, 'read', 'r')).map((m) => [...m.flags].sort()).sort();
    const expected = [['\\Flagged', '\\Seen'], ['\\Seen'], ['\\Seen'], ['\\Seen'], ['\\Seen']];
    expect(await flagsOf()).toEqual(expected);

    // POP3 cannot tell flags: its "no flags" must never read as "flags cleared".
    const auto = await createAndRun(
      services,
      requestBetween(source, destination, 'read,r\n', {
        name: 'read-auto',
        source: {
          host: source.host,
          protocol: 'auto',
          ports: { imap: 0, imaps: source.ports.imaps, pop3: 0, pop3s: source.ports.pop3s },
        },
      }),
      { source, destination },
    );
    expect(auto.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 0, messagesSkipped: 5 });
    expect(await flagsOf()).toEqual(expected);
    const log = services.eventLog.forJob(auto.job.id).map((l) => l.message);
    expect(log.filter((m) => /flag changes/.test(m))).toEqual([]);
  });
});
