import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer, VirtualFolders } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun } from '../../support/migration-services.ts';
import { requestBetween } from '../../support/migration-services.ts';

// A Gmail-like source: labels are folders, the system folders carry SPECIAL-USE, and All Mail
// (\All), Starred (\Flagged) and Important (\Important) are Dovecot virtual folders over them.
// Archived mail lives where LIST never shows it, so only All Mail holds it, as on Gmail.
const GMAIL_VIEWS: VirtualFolders = {
  prefix: 'Virtual/',
  hiddenPrefix: 'Archived/',
  folders: [
    {
      name: 'All Mail',
      specialUse: '\\All',
      mailboxes: ['*', '-[Gmail]/Trash', '-[Gmail]/Spam', 'Archived/*'],
      search: 'all',
    },
    { name: 'Starred', specialUse: '\\Flagged', mailboxes: ['*', 'Archived/*'], search: 'flagged' },
    { name: 'Important', specialUse: '\\Important', mailboxes: ['*'], search: 'keyword $Important' },
  ],
};

let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

const put = (client: ImapFlow, folder: string, subject: string, flags: string[] = []) =>
  client.append(folder, rawMessage({ subject }), flags, new Date('2026-01-05T10:00:00Z'));

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      users: [{ username: 'gina', password: 'g' }],
      layout: 'fs',
      specialFolders: {
        Sent: '[Gmail]/Sent Mail',
        Drafts: '[Gmail]/Drafts',
        Trash: '[Gmail]/Trash',
        Junk: '[Gmail]/Spam',
        Archive: null,
      },
      virtualFolders: GMAIL_VIEWS,
    }),
    startDovecot({ users: [{ username: 'gina', password: 'g' }], maxMessageBytes: 50_000 }),
  ]);
  const client = await connectTo(source, 'gina', 'g');
  await client.mailboxCreate('Clients');
  await client.mailboxCreate('Archived/Mail');
  await put(client, 'INBOX', 'Starred and labelled', ['\\Flagged', '\\Seen']);
  await put(client, 'Clients', 'Starred and labelled', ['\\Flagged', '\\Seen']);
  await put(client, 'INBOX', 'Important', ['$Important']);
  await put(client, 'Clients', 'Client work', ['\\Seen']);
  await put(client, '[Gmail]/Sent Mail', 'Sent reply', ['\\Seen']);
  await put(client, '[Gmail]/Trash', 'Thrown away', ['\\Seen']);
  await put(client, '[Gmail]/Spam', 'Junk offer');
  await put(client, 'Archived/Mail', 'Archived, no label', ['\\Seen', '\\Flagged']);
  const big = rawMessage({ subject: 'Too big for the new server', body: 'x'.repeat(60_000) });
  await client.append('INBOX', big, [], new Date('2026-01-05T10:00:00Z'));
  await client.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

/** Subjects per destination folder. */
async function destinationFolders(): Promise<Record<string, string[]>> {
  const client = await connectTo(destination, 'gina', 'g');
  const byFolder: Record<string, string[]> = {};
  for (const m of await readMailbox(client)) {
    const subject = /Subject: (.*)\r\n/.exec(m.source.toString())![1]!;
    (byFolder[m.folder] ??= []).push(subject);
  }
  await client.logout();
  for (const list of Object.values(byFolder)) list.sort();
  return byFolder;
}

describe('a Gmail-like source', () => {
  const request = () => requestBetween(source, destination, 'gina,g\n', { name: 'gmail' });

  it('copies labels and the real system folders once, archived mail into Archive, and no virtual folder', async () => {
    const summary = await createAndRun(services, request(), { source, destination });
    expect(summary.accounts[0]).toMatchObject({ status: 'partial', messagesCopied: 8, messagesFailed: 1 });
    expect(await destinationFolders()).toEqual({
      INBOX: ['Important', 'Starred and labelled'],
      Clients: ['Client work', 'Starred and labelled'],
      Sent: ['Sent reply'],
      Trash: ['Thrown away'],
      Junk: ['Junk offer'],
      Archive: ['Archived, no label'],
    });

    const log = services.eventLog.forJob(summary.job.id, 'gina').map((l) => `${l.folder}|${l.message}`);
    expect(log).toContain(
      'Virtual/Starred|Not copied: "Virtual/Starred" only shows the starred (flagged) messages of the other folders, which are copied from there with their star.',
    );
    expect(log).toContain(
      'Virtual/Important|Not copied: "Virtual/Important" only shows messages of the other folders that the old server marks as important, which are copied from there.',
    );
    expect(log).toContain(
      `Virtual/All Mail|"Virtual/All Mail" shows every message of the other folders (Gmail's All Mail): only the messages that are in no other folder (archived mail) are copied, into "Archive"; the others arrive through their own folders.`,
    );
    expect(log).toContain(
      'Virtual/All Mail|"Virtual/All Mail" → "Archive": 7 messages, 1 copied, 0 already there, 6 in other folders (copied from there).',
    );
    // The message the new server refuses is reported once, in its own folder.
    const refused = services.eventLog
      .forJob(summary.job.id, 'gina')
      .filter((l) => l.code === 'message-too-large');
    expect(refused.map((l) => l.folder)).toEqual(['INBOX']);
  });

  it('copies newly archived mail and new labelled mail once on the next run, and nothing else', async () => {
    const client = await connectTo(source, 'gina', 'g');
    await put(client, 'Archived/Mail', 'Archived later');
    await put(client, 'INBOX', 'New in the inbox');
    await client.logout();

    const again = await createAndRun(
      services,
      { ...request(), name: 'gmail-again' },
      { source, destination },
    );
    expect(again.accounts[0]).toMatchObject({ status: 'partial', messagesCopied: 2, messagesFailed: 1 });
    const folders = await destinationFolders();
    expect(folders['Archive']).toEqual(['Archived later', 'Archived, no label']);
    expect(folders['INBOX']).toEqual(['Important', 'New in the inbox', 'Starred and labelled']);

    const last = await createAndRun(services, { ...request(), name: 'gmail-last' }, { source, destination });
    expect(last.accounts[0]).toMatchObject({ status: 'partial', messagesCopied: 0, messagesFailed: 1 });
  });

  it('leaves a skipped label behind, even its mail that carries no other label', async () => {
    const client = await connectTo(source, 'gina', 'g');
    await client.mailboxCreate('Newsletters');
    await put(client, 'Newsletters', 'Weekly news');
    await client.logout();

    const skipping = await createAndRun(
      services,
      { ...request(), name: 'gmail-skip', skip: 'Newsletters\n' },
      { source, destination },
    );
    expect(skipping.accounts[0]).toMatchObject({ messagesCopied: 0 });
    const folders = await destinationFolders();
    expect(folders['Newsletters']).toBeUndefined();
    expect(folders['Archive']).toEqual(['Archived later', 'Archived, no label']);
  });
});
