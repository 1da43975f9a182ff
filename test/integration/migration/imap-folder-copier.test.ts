import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import BetterSqlite3 from 'better-sqlite3';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { migrate } from '../../../main/store/migrate.ts';
import { createLedgerRepository } from '../../../main/store/ledger-repository.ts';
import { copyFolder } from '../../../main/migration/imap-folder-copier.ts';
import type { FolderCopyOptions, MessageFailure } from '../../../main/migration/imap-folder-copier.ts';
import { imapSourceFolder } from '../../../main/migration/imap-source-folder.ts';
import { createByteBudget } from '../../../main/migration/byte-budget.ts';
import { fixedClock } from '../../support/test-services.ts';

let source: DovecotServer;
let destination: DovecotServer;
let src: ImapFlow;
let dst: ImapFlow;

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'old-pw' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'new-pw' }], maxMessageBytes: 64 * 1024 }),
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
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

function options(ledgerDb: BetterSqlite3.Database, failures: MessageFailure[]): FolderCopyOptions {
  return {
    source: imapSourceFolder(src, 'Work'),
    destination: dst,
    destinationPath: 'Work',
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
