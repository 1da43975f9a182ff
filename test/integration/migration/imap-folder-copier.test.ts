import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import BetterSqlite3 from 'better-sqlite3';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { migrate } from '../../../main/infrastructure/store/migrate.ts';
import { createLedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import { imapDestinationFolder } from '../../../main/engine/migration/imap-destination/imap-destination.ts';
import { copyFolder } from '../../../main/engine/migration/folder-copier.ts';
import type { FolderCopyOptions, MessageFailure } from '../../../main/engine/migration/folder-copier.ts';
import { imapSourceFolder } from '../../../main/engine/migration/imap-source-folder.ts';
import { createByteBudget } from '../../../main/engine/migration/byte-budget.ts';
import { fixedClock } from '../../support/test-services.ts';

let source: DovecotServer;
let destination: DovecotServer;
/** Refuses messages over 64 KB like `destination`, but does not say so (no APPENDLIMIT). */
let secretLimit: DovecotServer;
let src: ImapFlow;
let dst: ImapFlow;

beforeAll(async () => {
  [source, destination, secretLimit] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'old-pw' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'new-pw' }], maxMessageBytes: 64 * 1024 }),
    startDovecot({
      users: [{ username: 'ann', password: 'new-pw' }],
      maxMessageBytes: 64 * 1024,
      announceMaxMessageBytes: false,
    }),
  ]);
  src = await connectTo(source, 'ann', 'old-pw');
  dst = await connectTo(destination, 'ann', 'new-pw');
  await src.mailboxCreate('Work');
  const work = 'Work';
  await src.append(work, rawMessage({ subject: 'One' }), ['\\Seen'], new Date('2020-01-02T03:04:05Z'));
  await src.append(
    work,
    rawMessage({ subject: 'Two' }),
    ['\\Flagged', '$Label1'],
    new Date('2021-06-07T08:09:10Z'),
  );
  await src.append(
    work,
    rawMessage({ subject: 'No id', messageId: null }),
    [],
    new Date('2022-01-01T00:00:00Z'),
  );
  await src.append(
    work,
    rawMessage({ subject: 'No id', messageId: null }),
    [],
    new Date('2022-01-01T00:00:00Z'),
  );
  await src.append(
    work,
    rawMessage({ subject: 'Big', body: 'x'.repeat(100 * 1024) }),
    [],
    new Date('2023-01-01T00:00:00Z'),
  );
  await dst.mailboxCreate('Work');
});

afterAll(async () => {
  await Promise.allSettled([src?.logout(), dst?.logout()]);
  await Promise.allSettled([source?.stop(), destination?.stop(), secretLimit?.stop()]);
});

function options(
  ledgerDb: BetterSqlite3.Database,
  failures: MessageFailure[],
  destinationClient = dst,
): FolderCopyOptions {
  return {
    source: imapSourceFolder(src, 'Work'),
    destination: imapDestinationFolder(destinationClient, 'Work'),
    pairing: {
      sourceAccount: 'src/ann',
      sourceFolder: 'Work',
      destinationAccount: 'dst/ann',
      destinationFolder: 'Work',
    },
    ledger: createLedgerRepository(ledgerDb, fixedClock()),
    budget: createByteBudget(1024 * 1024),
    batchBytes: 2048,
    signal: new AbortController().signal,
    onProgress: () => {},
    onMessageFailed: (f) => failures.push(f),
  };
}

describe('copyFolder between two real Dovecot servers', () => {
  const db = new BetterSqlite3(':memory:');
  migrate(db);

  it('copies every message byte for byte with flags and dates, and names the one over the size limit', async () => {
    const failures: MessageFailure[] = [];
    const outcome = await copyFolder(options(db, failures));
    expect(outcome).toMatchObject({ total: 5, copied: 4, skipped: 0, failed: 1 });
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'message-too-large',
        message: expect.stringMatching(/<Big@old\.test>.*at most 64 KB/),
      }),
    ]);
    const [before, after] = [await readMailbox(src), await readMailbox(dst)];
    const summary = (list: typeof before) =>
      list
        .filter((m) => m.folder === 'Work')
        .map((m) => [m.source.toString('base64'), m.flags.join(' '), m.internalDate])
        .sort();
    expect(summary(after)).toEqual(
      summary(before).filter(([body]) => !Buffer.from(body!, 'base64').includes('Subject: Big')),
    );
    // The source is untouched: nothing became \Seen by being read.
    expect(before.find((m) => m.source.includes('Subject: Two'))!.flags).toEqual(['$Label1', '\\Flagged']);
  });

  it('copies nothing the second time, and carries a flag change made on the source', async () => {
    await src.mailboxOpen('Work');
    const found = await src.search({ subject: 'Two' }, { uid: true });
    expect(found).toHaveLength(1);
    await src.messageFlagsAdd(String((found as number[])[0]), ['\\Seen'], { uid: true });
    const failures: MessageFailure[] = [];
    const second = await copyFolder(options(db, failures));
    expect(second).toMatchObject({ total: 5, copied: 0, skipped: 4, failed: 1, flagsUpdated: 1 });
    const two = (await readMailbox(dst)).find((m) => m.source.includes('Subject: Two'))!;
    expect(two.flags).toEqual(['$Label1', '\\Flagged', '\\Seen']);
    const count = (await readMailbox(dst)).filter((m) => m.folder === 'Work').length;
    expect(count).toBe(4);
  });
});

/** The APPEND commands a client sends, as the number of messages in each. */
function countAppends(client: ImapFlow): number[] {
  const counts: number[] = [];
  const target = client as unknown as { exec(command: string, ...rest: unknown[]): Promise<unknown> };
  const exec = target.exec.bind(target);
  target.exec = (command, ...rest) => {
    if (command === 'APPEND')
      counts.push((rest[0] as unknown[]).filter((a) => (a as { type?: string }).type === 'LITERAL').length);
    return exec(command, ...rest);
  };
  return counts;
}

describe('copyFolder into a server that refuses a large message without announcing its limit', () => {
  const db = new BetterSqlite3(':memory:');
  migrate(db);

  it('sends the folder as one MULTIAPPEND, and when the server refuses it, stores the rest one by one', async () => {
    const secret = await connectTo(secretLimit, 'ann', 'new-pw');
    await secret.mailboxCreate('Work');
    expect(secret.capabilities.has('MULTIAPPEND')).toBe(true);
    expect(secret.capabilities.has('APPENDLIMIT')).toBe(false);
    const appends = countAppends(secret);
    const failures: MessageFailure[] = [];
    const outcome = await copyFolder({ ...options(db, failures, secret), batchBytes: 1024 * 1024 });
    expect(outcome).toMatchObject({ total: 5, copied: 4, skipped: 0, failed: 1 });
    // One batch of five, refused as a whole; then five single APPENDs, one of them refused.
    expect(appends).toEqual([5, 1, 1, 1, 1, 1]);
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'message-too-large',
        message: expect.stringMatching(/<Big@old\.test>.*larger than the new server accepts/),
      }),
    ]);
    const landed = (await readMailbox(secret)).filter((m) => m.folder === 'Work');
    expect(landed.map((m) => /Subject: (.*)/.exec(m.source.toString())![1]).sort()).toEqual([
      'No id',
      'No id',
      'One',
      'Two',
    ]);
    // Every copy is in the ledger with the UID the destination gave it.
    const ledger = createLedgerRepository(db, fixedClock());
    const entries = [...ledger.entries(options(db, []).pairing, outcome.uidValidity).values()];
    expect(entries.map((e) => e.destinationUid).sort()).toEqual(landed.map((m) => m.uid).sort());
    await secret.logout();
  });

  it('records the UIDs of a MULTIAPPEND that went through, in the order of the messages', async () => {
    const secret = await connectTo(secretLimit, 'ann', 'new-pw');
    await secret.mailboxCreate('Small');
    await src.mailboxCreate('Small');
    for (const subject of ['S1', 'S2', 'S3'])
      await src.append('Small', rawMessage({ subject }), [], new Date('2024-05-06T07:08:09Z'));
    const appends = countAppends(secret);
    const pairing = {
      sourceAccount: 'src/ann',
      sourceFolder: 'Small',
      destinationAccount: 'dst/ann',
      destinationFolder: 'Small',
    };
    const outcome = await copyFolder({
      ...options(db, [], secret),
      source: imapSourceFolder(src, 'Small'),
      destination: imapDestinationFolder(secret, 'Small'),
      pairing,
      batchBytes: 1024 * 1024,
    });
    expect(outcome).toMatchObject({ total: 3, copied: 3, failed: 0 });
    expect(appends).toEqual([3]);
    const bySubject = new Map(
      (await readMailbox(secret))
        .filter((m) => m.folder === 'Small')
        .map((m) => [/Subject: (.*)/.exec(m.source.toString())![1], m.uid]),
    );
    const entries = createLedgerRepository(db, fixedClock()).entries(pairing, outcome.uidValidity);
    expect([...entries.values()].map((e) => [e.messageKey.slice(4, 6), e.destinationUid])).toEqual([
      ['S1', bySubject.get('S1')],
      ['S2', bySubject.get('S2')],
      ['S3', bySubject.get('S3')],
    ]);
    await secret.logout();
  });

  it('appends one message per command to a server without MULTIAPPEND', async () => {
    const secret = await connectTo(secretLimit, 'ann', 'new-pw');
    await secret.mailboxCreate('One by one');
    secret.capabilities.delete('MULTIAPPEND');
    const appends = countAppends(secret);
    const outcome = await copyFolder({
      ...options(db, [], secret),
      source: imapSourceFolder(src, 'Small'),
      destination: imapDestinationFolder(secret, 'One by one'),
      pairing: {
        sourceAccount: 'src/ann',
        sourceFolder: 'Small',
        destinationAccount: 'dst/ann',
        destinationFolder: 'One by one',
      },
      batchBytes: 1024 * 1024,
    });
    expect(outcome).toMatchObject({ total: 3, copied: 3, failed: 0 });
    expect(appends).toEqual([1, 1, 1]);
    await secret.logout();
  });
});
