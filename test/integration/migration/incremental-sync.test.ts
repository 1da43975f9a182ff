import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import BetterSqlite3 from 'better-sqlite3';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import type { StoredMessage } from '../../support/mail-fixtures.ts';
import { migrate } from '../../../main/infrastructure/store/migrate.ts';
import { createLedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import type { LedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import { imapDestinationFolder } from '../../../main/engine/migration/imap-destination/imap-destination.ts';
import { copyFolder } from '../../../main/engine/migration/folder-copier.ts';
import type { FolderCopyOptions } from '../../../main/engine/migration/folder-copier.ts';
import { imapSourceFolder } from '../../../main/engine/migration/imap-source-folder.ts';
import type { SourceFolder, UidRange } from '../../../main/engine/migration/source-folder.ts';
import { createByteBudget } from '../../../main/engine/migration/byte-budget.ts';
import { fixedClock } from '../../support/test-services.ts';
import { DEFAULT_IMAP_TIMEOUTS, openImap } from '../../../main/infrastructure/protocols/imap/open-imap.ts';

// A re-run after a complete sync: only the source's new messages are fetched (UID ≥ the saved
// UIDNEXT) and flag changes come by CONDSTORE; anything that makes the saved state doubtful
// (a new UIDVALIDITY, a crash in the middle) lists both sides again.
let source: DovecotServer;
let destination: DovecotServer;
let src: ImapFlow;
let dst: ImapFlow;
const db = new BetterSqlite3(':memory:');
migrate(db);
const ledger = createLedgerRepository(db, fixedClock());
const pairing = {
  sourceAccount: 'src/ann',
  sourceFolder: 'Box',
  destinationAccount: 'dst/ann',
  destinationFolder: 'Box',
};

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'old' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'new' }] }),
  ]);
  src = await connectTo(source, 'ann', 'old');
  dst = await connectTo(destination, 'ann', 'new');
  await src.mailboxCreate('Box');
  await dst.mailboxCreate('Box');
  const old = [
    { subject: 'One', flags: ['\\Seen'] },
    { subject: 'Two', flags: ['\\Seen', '\\Answered'] },
    { subject: 'Twin', flags: [] },
    { subject: 'Twin', flags: [] },
    { subject: 'Anonymous', flags: ['$Label1'], messageId: null },
  ];
  for (const [i, m] of old.entries())
    await src.append('Box', rawMessage(m), m.flags, new Date(Date.UTC(2021, 0, 1 + i)));
});

afterAll(async () => {
  await Promise.allSettled([src?.logout(), dst?.logout()]);
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

/** The source folder, remembering how it was listed: everything (`all`) or a UID range. */
function watched(): { folder: SourceFolder; listings: Array<UidRange | 'all'>; opens: () => number } {
  const inner = imapSourceFolder(src, 'Box');
  const listings: Array<UidRange | 'all'> = [];
  let opens = 0;
  return {
    listings,
    opens: () => opens,
    folder: {
      ...inner,
      open: () => (opens++, inner.open()),
      list: (range) => (listings.push(range ?? 'all'), inner.list(range)),
    },
  };
}

/** Both sides' counters as an account's listing reports them (LIST-STATUS). */
async function listedCounters(): Promise<FolderCopyOptions['listed']> {
  const query = { messages: true, uidNext: true, uidValidity: true, highestModseq: true } as const;
  const [ours, theirs] = await Promise.all([
    src.list({ statusQuery: query }),
    dst.list({ statusQuery: query }),
  ]);
  return {
    source: ours.find((f) => f.path === 'Box')?.status,
    destination: theirs.find((f) => f.path === 'Box')?.status,
  };
}

/** How often the destination is asked for a folder's counters (STATUS). */
function countStatus(client: ImapFlow): () => number {
  let count = 0;
  const status = client.status.bind(client);
  client.status = ((...args: Parameters<ImapFlow['status']>) => (
    count++,
    status(...args)
  )) as ImapFlow['status'];
  return () => count;
}

/** How often the destination is asked for a header listing (FETCH 1:*). */
function countDestinationListings(client: ImapFlow): () => number {
  let count = 0;
  const fetch = client.fetch.bind(client);
  client.fetch = ((range: unknown, ...rest: unknown[]) => {
    if (range === '1:*') count++;
    return (fetch as (...args: unknown[]) => ReturnType<ImapFlow['fetch']>)(range, ...rest);
  }) as ImapFlow['fetch'];
  return () => count;
}

async function run(
  folder: SourceFolder,
  ledgerRepository: LedgerRepository = ledger,
  listed?: FolderCopyOptions['listed'],
) {
  return copyFolder({
    ...(listed ? { listed } : {}),
    source: folder,
    destination: imapDestinationFolder(dst, 'Box'),
    pairing,
    ledger: ledgerRepository,
    budget: createByteBudget(1024 * 1024),
    batchBytes: 1024 * 1024,
    batchMessages: 2,
    signal: new AbortController().signal,
    onProgress: () => {},
    onMessageFailed: () => {},
  });
}

const tally = (list: StoredMessage[]) =>
  list
    .filter((m) => m.folder === 'Box')
    .map((m) => `${m.flags.join(' ')}|${m.internalDate}|${m.source.toString('base64')}`)
    .sort();

async function expectMirror() {
  expect(tally(await readMailbox(dst))).toEqual(tally(await readMailbox(src)));
}

async function setFlags(subject: string, flags: string[]) {
  await src.mailboxOpen('Box');
  const uids = (await src.search({ subject }, { uid: true })) as number[];
  await src.messageFlagsSet(uids.join(','), flags, { uid: true });
}

describe('a re-run after a complete sync', () => {
  it('copies exactly the new messages (a re-delivered twin and one without Message-ID too) and the flag changes, without listing all headers', async () => {
    const first = watched();
    expect(await run(first.folder)).toMatchObject({ total: 5, copied: 5 });
    expect(first.listings).toEqual(['all']);
    const { uidNext } = await src.mailboxOpen('Box', { readOnly: true });

    await src.append('Box', rawMessage({ subject: 'Twin' }), [], new Date(Date.UTC(2021, 0, 3)));
    await src.append('Box', rawMessage({ subject: 'Nameless', messageId: null }), ['\\Flagged']);
    await src.append('Box', rawMessage({ subject: 'Three' }), ['\\Seen']);
    await setFlags('One', ['\\Flagged']);
    await setFlags('Anonymous', []);

    const second = watched();
    const destinationListings = countDestinationListings(dst);
    const statusAsked = countStatus(dst);
    const outcome = await run(second.folder);
    expect(outcome).toMatchObject({ total: 8, copied: 3, skipped: 5, failed: 0, flagsUpdated: 2 });
    expect(second.listings).toEqual([{ from: uidNext, to: uidNext + 2 }]);
    expect(destinationListings()).toBe(0);
    // Nobody else wrote: the counters saved come from the APPENDs' UIDs, not from a STATUS…
    expect(statusAsked()).toBe(0);
    await expectMirror();

    // …and they are the folder's own: the next run finds it as left.
    const third = watched();
    expect(await run(third.folder)).toMatchObject({ copied: 0, skipped: 8, unchanged: true });
    expect(third.listings).toEqual([]);

    // The account's listing already shows both sides as left: the folder is not even opened.
    const fourth = watched();
    expect(await run(fourth.folder, ledger, await listedCounters())).toMatchObject({
      copied: 0,
      skipped: 8,
      unchanged: true,
    });
    expect(fourth.opens()).toBe(0);
    // A flag change moves the source's HIGHESTMODSEQ: opened, and the change carried.
    await setFlags('Three', ['\\Seen', '\\Flagged']);
    const fifth = watched();
    expect(await run(fifth.folder, ledger, await listedCounters())).toMatchObject({
      copied: 0,
      flagsUpdated: 1,
    });
    expect(fifth.opens()).toBe(1);
    await expectMirror();
  });

  it('lists both sides again after the source folder got a new UIDVALIDITY, and still copies nothing twice', async () => {
    await source.doveadm(['mailbox', 'update', '-u', 'ann', '--uid-validity', '424242', 'Box']);
    // Dovecot ends the sessions that had the folder open: a new one, as a new run would have.
    src.close();
    src = await connectTo(source, 'ann', 'old');
    await src.append('Box', rawMessage({ subject: 'Four' }), []);
    const again = watched();
    const outcome = await run(again.folder);
    expect(outcome).toMatchObject({ uidValidity: 424242, total: 9, copied: 1, skipped: 8, failed: 0 });
    expect(again.listings).toEqual(['all']);
    await expectMirror();
  });

  it('after a crash between the APPEND and the ledger write, lists both sides and leaves no duplicate', async () => {
    await src.append('Box', rawMessage({ subject: 'Five' }), []);
    await src.append('Box', rawMessage({ subject: 'Six' }), []);
    await src.append('Box', rawMessage({ subject: 'Seven' }), []);
    const crashing: LedgerRepository = {
      ...ledger,
      recordMany: () => {
        throw new Error('killed');
      },
    };
    await expect(run(watched().folder, crashing)).rejects.toThrow('killed');
    // The first batch (two messages) landed but is not in the ledger.
    expect((await readMailbox(dst)).filter((m) => m.folder === 'Box')).toHaveLength(11);

    const after = watched();
    expect(await run(after.folder)).toMatchObject({ total: 12, copied: 1, skipped: 11, failed: 0 });
    expect(after.listings).toEqual(['all']);
    await expectMirror();
  });
});

describe('another writer in the destination folder during a run', () => {
  it('saves the counters the server reports (STATUS), not the ones this run would have left', async () => {
    await src.append('Box', rawMessage({ subject: 'Eight' }), []);
    const inner = imapDestinationFolder(dst, 'Box');
    const statusAsked = countStatus(dst);
    const outcome = await copyFolder({
      source: watched().folder,
      // Someone else stores a message in the folder just before this run's APPEND.
      destination: {
        ...inner,
        get multiAppend() {
          return inner.multiAppend;
        },
        append: async (items) => {
          await dst.append('Box', rawMessage({ subject: 'Theirs' }), []);
          return inner.append(items);
        },
      },
      pairing,
      ledger,
      budget: createByteBudget(1024 * 1024),
      batchBytes: 1024 * 1024,
      signal: new AbortController().signal,
      onProgress: () => {},
      onMessageFailed: () => {},
    });
    expect(outcome).toMatchObject({ copied: 1, failed: 0 });
    expect(statusAsked()).toBe(1);
    const now = await dst.status('Box', { uidNext: true, messages: true });
    expect(ledger.syncState(pairing)).toMatchObject({
      destinationUidNext: now && now.uidNext,
      destinationMessages: now && now.messages,
    });
  });
});

describe('flag changes told while the folder is opened (QRESYNC)', () => {
  const qPairing = { ...pairing, sourceFolder: 'Qbox', destinationFolder: 'Qbox' };

  /** Qbox on this session, counting how often the changed flags are fetched on their own. */
  function counted(client: ImapFlow) {
    const inner = imapSourceFolder(client, 'Qbox');
    let asked = 0;
    const folder: SourceFolder = { ...inner, flagsSince: (since) => (asked++, inner.flagsSince(since)) };
    return { folder, asked: () => asked };
  }

  const runQ = (folder: SourceFolder, destination = imapDestinationFolder(dst, 'Qbox')) =>
    copyFolder({
      source: folder,
      destination,
      pairing: qPairing,
      ledger,
      budget: createByteBudget(1024 * 1024),
      batchBytes: 1024 * 1024,
      signal: new AbortController().signal,
      onProgress: () => {},
      onMessageFailed: () => {},
    });

  async function setQFlags(subject: string, flags: string[]) {
    await src.mailboxOpen('Qbox');
    const uids = (await src.search({ subject }, { uid: true })) as number[];
    await src.messageFlagsSet(uids.join(','), flags, { uid: true });
  }

  const qTally = async (client: ImapFlow) =>
    (await readMailbox(client))
      .filter((m) => m.folder === 'Qbox')
      .map((m) => `${m.flags.join(' ')}|${m.source.toString('base64')}`)
      .sort();

  it('carries them with no FETCH CHANGEDSINCE, and a session without QRESYNC still fetches them', async () => {
    const resyncing = await openImap(
      {
        host: source.host,
        port: source.ports.imaps,
        security: 'tls',
        tls: { ca: source.certificate.certPem, servername: 'localhost' },
      },
      { user: 'ann', password: 'old' },
      DEFAULT_IMAP_TIMEOUTS,
      { qresync: true },
    );
    try {
      expect(resyncing.enabled.has('QRESYNC')).toBe(true);
      await src.mailboxCreate('Qbox');
      await dst.mailboxCreate('Qbox');
      for (const subject of ['Q1', 'Q2', 'Q3']) await src.append('Qbox', rawMessage({ subject }), ['\\Seen']);
      expect(await runQ(counted(resyncing).folder)).toMatchObject({ copied: 3 });

      await setQFlags('Q1', ['\\Flagged']);
      await setQFlags('Q3', ['\\Seen', '\\Answered', '$Label2']);
      await src.append('Qbox', rawMessage({ subject: 'Q4' }), ['\\Draft']);
      const told = counted(resyncing);
      // The STOREs go out while the new mail is listed, not after.
      const order: string[] = [];
      const inner = imapDestinationFolder(dst, 'Qbox');
      const listing = told.folder.list;
      told.folder.list = (range) => (order.push('list'), listing(range));
      const destination = {
        ...inner,
        get multiAppend() {
          return inner.multiAppend;
        },
        storeFlags: (...args: Parameters<typeof inner.storeFlags>) => (
          order.push('store'),
          inner.storeFlags(...args)
        ),
      };
      expect(await runQ(told.folder, destination)).toMatchObject({ copied: 1, flagsUpdated: 2, failed: 0 });
      expect(told.asked()).toBe(0);
      expect(order.indexOf('store')).toBeLessThan(order.indexOf('list'));
      expect(await qTally(dst)).toEqual(await qTally(src));

      await setQFlags('Q2', []);
      const asking = counted(src);
      expect(await runQ(asking.folder)).toMatchObject({ copied: 0, flagsUpdated: 1 });
      expect(asking.asked()).toBe(1);
      expect(await qTally(dst)).toEqual(await qTally(src));
    } finally {
      await resyncing.logout().catch(() => resyncing.close());
    }
  });
});
