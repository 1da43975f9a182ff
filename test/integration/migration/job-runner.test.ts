import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import type { StoredMessage } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

const USERS = 'ann,ann-old\nbob,bob-old,robert,robert-new\ncat,WRONG-PASSWORD\n';

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      // Like Exchange: the Sent folder is "Sent Items"; the destination calls it "Sent".
      specialFolders: { Sent: 'Sent Items', Trash: 'Deleted Items', Junk: null, Archive: null },
      users: [
        { username: 'ann', password: 'ann-old' },
        { username: 'bob', password: 'bob-old' },
        { username: 'cat', password: 'cat-old' },
      ],
    }),
    startDovecot({
      layout: 'fs',
      users: [
        { username: 'ann', password: 'ann-old' },
        { username: 'robert', password: 'robert-new' },
        { username: 'cat', password: 'cat-old' },
      ],
    }),
  ]);
  const ann = await connectTo(source, 'ann', 'ann-old');
  await ann.append('INBOX', rawMessage({ subject: 'Welcome' }), ['\\Seen'], new Date('2019-03-04T05:06:07Z'));
  await ann.append(
    'INBOX',
    rawMessage({ subject: 'Invoice' }),
    ['\\Flagged', '\\Answered'],
    new Date('2020-01-01T10:00:00Z'),
  );
  await ann.append(
    'INBOX',
    rawMessage({ subject: 'Dup', messageId: null }),
    [],
    new Date('2021-01-01T00:00:00Z'),
  );
  await ann.append(
    'INBOX',
    rawMessage({ subject: 'Dup', messageId: null }),
    [],
    new Date('2021-01-01T00:00:00Z'),
  );
  await ann.mailboxCreate('Spam'); // no SPECIAL-USE for Junk here: known by its name
  await ann.append('Spam', rawMessage({ subject: 'Cheap pills' }), [], new Date('2022-05-05T05:05:05Z'));
  await ann.append(
    'Sent Items',
    rawMessage({ subject: 'Sent one' }),
    ['\\Seen'],
    new Date('2022-02-02T02:02:02Z'),
  );
  await ann.mailboxCreate(['Projekte', 'Größe']);
  await ann.append(
    ['Projekte', 'Größe'],
    rawMessage({ subject: 'Nested' }),
    [],
    new Date('2023-03-03T03:03:03Z'),
  );
  await ann.mailboxCreate('日本語');
  await ann.append(
    '日本語',
    rawMessage({ subject: 'Nihongo' }),
    ['\\Seen'],
    new Date('2024-04-04T04:04:04Z'),
  );
  await ann.logout();
  const bob = await connectTo(source, 'bob', 'bob-old');
  await bob.append('INBOX', rawMessage({ subject: 'For Bob' }), [], new Date('2018-08-08T08:08:08Z'));
  await bob.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

const comparable = (messages: StoredMessage[]) =>
  messages
    .map((m) => ({
      folder: m.folder,
      flags: m.flags.join(' '),
      date: m.internalDate,
      body: m.source.toString('base64'),
    }))
    .sort((a, b) => (a.body + a.folder < b.body + b.folder ? -1 : 1));

describe('a job between two real Dovecot servers', () => {
  it('copies every folder, maps separators and special use, keeps flags and dates, and reports a wrong password', async () => {
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, USERS, { name: 'first' }),
      { source, destination },
    );
    const byUser = Object.fromEntries(summary.accounts.map((a) => [a.username, a]));
    expect(summary.status).toBe('partial');
    expect(byUser['ann']).toMatchObject({ status: 'done', messagesCopied: 8, messagesSkipped: 0 });
    expect(byUser['bob']).toMatchObject({ status: 'done', messagesCopied: 1 });
    expect(byUser['cat']).toMatchObject({ status: 'failed', errorCode: 'source-auth-failed' });
    expect(byUser['cat']!.errorMessage).toMatch(/old server .* refused the password for cat/);
    expect(byUser['cat']!.errorMessage).not.toContain('WRONG-PASSWORD');

    const annSource = await readMailbox(await connectTo(source, 'ann', 'ann-old'));
    const annDestination = await readMailbox(await connectTo(destination, 'ann', 'ann-old'));
    const folderMap: Record<string, string> = {
      INBOX: 'INBOX',
      'Sent Items': 'Sent',
      Spam: 'Junk',
      'Projekte.Größe': 'Projekte/Größe',
      日本語: '日本語',
    };
    expect(comparable(annDestination)).toEqual(
      comparable(annSource.map((m) => ({ ...m, folder: folderMap[m.folder]! }))),
    );
    const robert = await readMailbox(await connectTo(destination, 'robert', 'robert-new'));
    expect(robert.map((m) => m.source.includes('Subject: For Bob'))).toEqual([true]);

    const annFolders = summary.accounts.find((a) => a.username === 'ann')!.folders;
    expect(annFolders.find((f) => f.sourceFolder === 'Sent Items')).toMatchObject({
      destinationFolder: 'Sent',
      copied: 1,
      status: 'done',
    });
    expect(annFolders.find((f) => f.sourceFolder === 'Spam')).toMatchObject({
      destinationFolder: 'Junk',
      copied: 1,
    });
    expect(annFolders.find((f) => f.sourceFolder === 'Deleted Items')).toMatchObject({
      destinationFolder: 'Trash',
      copied: 0,
    });
  });

  it('copies nothing on a second run, and creates no duplicate', async () => {
    const before = await readMailbox(await connectTo(destination, 'ann', 'ann-old'));
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,ann-old\n', { name: 'second' }),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 0, messagesSkipped: 8 });
    const after = await readMailbox(await connectTo(destination, 'ann', 'ann-old'));
    expect(after).toHaveLength(before.length);
    // Unchanged folders are recognised from UIDVALIDITY, UIDNEXT and counts, without fetching headers.
    const lines = services.eventLog.forJob(summary.job.id, 'ann').map((l) => l.message);
    expect(lines).toContainEqual(
      expect.stringMatching(/^"INBOX": unchanged since the last run \(4 messages\)\.$/),
    );
  });

  it('writes a log a customer can read, folder by folder', () => {
    const job = services.jobs.byName('first');
    const lines = services.eventLog.forJob(job.id, 'ann').map((l) => `${l.folder ?? ''}|${l.message}`);
    expect(lines).toContainEqual(
      expect.stringMatching(/^Sent Items\|"Sent Items" → "Sent": 1 messages, 1 copied, 0 already there\.$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^\|Done\. 8 messages: 8 copied, 0 already there\.$/));
  });
});
