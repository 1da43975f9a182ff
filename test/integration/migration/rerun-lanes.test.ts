import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import type { StoredMessage } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

// A re-run where several folders changed since the last sync copies them on two lanes, and the
// second lane's connections open folders without a LIST each; a first copy creates each folder
// on the lane that copies into it, just before, and opens it without a LIST.
let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();
const FOLDERS = ['INBOX', 'A', 'B', 'C', 'D', 'E'];
const USERS = [
  { username: 'ann', password: 'pw' },
  { username: 'bob', password: 'pw' },
];

beforeAll(async () => {
  [source, destination] = await Promise.all([startDovecot({ users: USERS }), startDovecot({ users: USERS })]);
  for (const { username } of USERS) {
    const client = await connectTo(source, username, 'pw');
    for (const folder of FOLDERS) {
      if (folder !== 'INBOX') await client.mailboxCreate(folder);
      for (const n of [1, 2]) await client.append(folder, rawMessage({ subject: `${folder} ${n}` }), []);
    }
    await client.logout();
  }
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

const comparable = (messages: StoredMessage[]) =>
  messages.map((m) => `${m.folder}|${m.flags.join(' ')}|${m.source.toString('base64')}`).sort();

/** The destination holds exactly the source's mail for `user`. */
async function expectSameMail(user: string) {
  const [src, dst] = await Promise.all([connectTo(source, user, 'pw'), connectTo(destination, user, 'pw')]);
  expect(comparable(await readMailbox(dst))).toEqual(comparable(await readMailbox(src)));
  await Promise.allSettled([src.logout(), dst.logout()]);
}

/** Every IMAP command of the run, by connection and in order; each folder opened waits 100 ms first. */
function watchCommands() {
  const commands = new Map<string, string[]>();
  const inOrder: string[] = [];
  const proto = ImapFlow.prototype as unknown as { exec: (...args: unknown[]) => Promise<unknown> };
  const exec = proto.exec;
  proto.exec = async function (this: ImapFlow, command: unknown, ...rest: unknown[]) {
    commands.set(this.id, [...(commands.get(this.id) ?? []), String(command)]);
    inOrder.push(String(command));
    // Slow enough that the first lane is still busy when the second has logged in.
    if (command === 'SELECT' || command === 'EXAMINE') await new Promise((r) => setTimeout(r, 100));
    return exec.call(this, command, ...rest);
  };
  return { commands, inOrder, restore: () => void (proto.exec = exec) };
}

describe('a first copy into a fresh mailbox', () => {
  it('creates each folder just before copying into it, and opens it without listing it again', async () => {
    const watch = watchCommands();
    let summary;
    try {
      summary = await createAndRun(
        services,
        requestBetween(source, destination, 'bob,pw\n', { name: 'fresh' }),
        { source, destination },
      );
    } finally {
      watch.restore();
    }
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 12, messagesFailed: 0 });
    // INBOX exists: its copy starts before the other folders are all created.
    const creates = watch.inOrder.flatMap((c, i) => (c === 'CREATE' ? [i] : []));
    expect(creates).toHaveLength(FOLDERS.length - 1);
    expect(watch.inOrder.indexOf('APPEND')).toBeLessThan(creates.at(-1)!);
    // Each connection LISTs once, at the start: a folder it created is opened without a LIST.
    const sessions = [...watch.commands.values()].filter((list) => list.includes('AUTHENTICATE'));
    expect(sessions.filter((list) => list.includes('CREATE')).length).toBeGreaterThan(0);
    for (const list of sessions) expect(list.filter((c) => c === 'LIST').length).toBe(1);
    await expectSameMail('bob');
  });
});

describe('a re-run with several changed folders', () => {
  it('opens a second lane whose connections LIST once, not once per folder, and ends exact', async () => {
    const first = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', { name: 'lanes' }),
      {
        source,
        destination,
      },
    );
    expect(first.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 12 });

    const client = await connectTo(source, 'ann', 'pw');
    for (const folder of FOLDERS) {
      await client.mailboxOpen(folder);
      await client.messageFlagsAdd('1', ['\\Seen']);
      await client.append(folder, rawMessage({ subject: `${folder} new` }), ['\\Flagged']);
    }
    await client.logout();

    const watch = watchCommands();
    let summary;
    try {
      // A new job for the same mailbox, as the benchmark's delta run: the ledger knows every folder.
      summary = await createAndRun(
        services,
        requestBetween(source, destination, 'ann,pw\n', { name: 'again' }),
        {
          source,
          destination,
        },
      );
    } finally {
      watch.restore();
    }
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 6, messagesFailed: 0 });
    const sessions = [...watch.commands.values()].filter((list) => list.includes('AUTHENTICATE'));
    expect(sessions).toHaveLength(4);
    const opening = (list: string[]) => list.filter((c) => c === 'SELECT' || c === 'EXAMINE').length;
    // The second lane did copy folders, and listed once for all of them.
    const second = sessions.slice(2);
    expect(second.every((list) => opening(list) >= 2)).toBe(true);
    for (const list of sessions) expect(list.filter((c) => c === 'LIST').length).toBe(1);

    await expectSameMail('ann');
  });
});
