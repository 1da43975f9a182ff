import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSlowLink } from '../../harness/slow-link.ts';
import type { SlowLink } from '../../harness/slow-link.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import type { StoredMessage } from '../../support/mail-fixtures.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';
import { fixedClock } from '../../support/test-services.ts';
import { migrate } from '../../../main/infrastructure/store/migrate.ts';
import { createLedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import { imapDestinationFolder } from '../../../main/engine/migration/imap-destination/imap-destination.ts';
import { copyFolder } from '../../../main/engine/migration/folder-copier.ts';
import { imapSourceFolder } from '../../../main/engine/migration/imap-source-folder.ts';
import { createByteBudget } from '../../../main/engine/migration/byte-budget.ts';

// A message of 4 MiB or more is streamed from the source's partial FETCHes into the APPEND, so it
// never sits whole in memory. It must still arrive byte for byte, be recorded in the ledger
// like any other, and a kill in the middle of it must leave it either stored once or still to copy.
let source: DovecotServer;
let destination: DovecotServer;
let link: SlowLink;
const dir = makeTempDir('streamed-large');
const db = join(dir.path, 'cutover.db');
const SMALL = 6;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const big = rawMessage({ subject: 'Big', body: `${'0123456789abcdef'.repeat(4)}\r\n`.repeat(330_000) });

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'old' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'new' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'old');
  for (let i = 0; i < SMALL; i++) {
    await client.append('INBOX', rawMessage({ subject: `Before ${i}` }), ['\\Seen']);
    if (i === SMALL / 2 - 1)
      await client.append('INBOX', big, ['\\Flagged'], new Date('2024-05-06T07:08:09Z'));
  }
  await client.logout();
  writeFileSync(join(dir.path, 'users.csv'), 'ann,old,ann,new\n');
  // About 7 s for the large message: the kill below lands while it is being streamed.
  link = await startSlowLink({ host: source.host, port: source.ports.imaps }, 3_000_000);
});

afterAll(async () => {
  await Promise.allSettled([link?.stop(), source?.stop(), destination?.stop()]);
  dir.remove();
});

async function mailbox(server: DovecotServer, password: string): Promise<StoredMessage[]> {
  const client = await connectTo(server, 'ann', password);
  try {
    return await readMailbox(client);
  } finally {
    await client.logout();
  }
}

const tally = (list: StoredMessage[]) =>
  list.map((m) => `${m.folder}|${m.flags.join(' ')}|${m.internalDate}|${sha(m.source)}`).sort();

describe('a message over 20 MiB', () => {
  it('is streamed from the source into the APPEND and stored byte for byte, with its flags and date', async () => {
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    const [s, d] = await Promise.all([connectTo(source, 'ann', 'old'), connectTo(destination, 'ann', 'new')]);
    const sqlite = new BetterSqlite3(':memory:');
    migrate(sqlite);
    const ledger = createLedgerRepository(sqlite, fixedClock());
    const folder = imapSourceFolder(s, 'INBOX');
    const streamed: number[] = [];
    const pairing = {
      sourceAccount: 's',
      sourceFolder: 'INBOX',
      destinationAccount: 'd',
      destinationFolder: 'Copy',
    };
    const budget = createByteBudget(16 * 1024 * 1024);
    try {
      await d.mailboxCreate('Copy');
      const outcome = await copyFolder({
        source: {
          ...folder,
          streamBody: (uid, size, chunkBytes) => (
            streamed.push(size),
            folder.streamBody!(uid, size, chunkBytes)
          ),
        },
        destination: imapDestinationFolder(d, 'Copy'),
        pairing,
        ledger,
        // Smaller than the message: a streamed message holds a few chunks, not its size.
        budget,
        batchBytes: 64 * 1024,
        signal: new AbortController().signal,
        onProgress: () => {},
        onMessageFailed: () => {},
      });
      expect(outcome).toMatchObject({ copied: SMALL + 1, failed: 0 });
      expect(streamed).toEqual([big.length]);
      expect(budget.inUse).toBe(0);
      // Recorded in the ledger with the UID the destination gave it, like every other message.
      const entries = [...ledger.entries(pairing, outcome.uidValidity).values()];
      expect(entries.filter((e) => e.destinationUid !== null)).toHaveLength(SMALL + 1);
    } finally {
      await Promise.allSettled([s.logout(), d.logout()]);
    }
    const copied = (await mailbox(destination, 'new')).filter((m) => m.folder === 'Copy');
    const original = (await mailbox(source, 'old')).filter((m) => m.folder === 'INBOX');
    expect(tally(copied.map((m) => ({ ...m, folder: 'INBOX' })))).toEqual(tally(original));
    const client = await connectTo(destination, 'ann', 'new');
    await client.mailboxDelete('Copy');
    await client.logout();
  });

  it('is fetched whole when the source says its size is not exactly what it listed', async () => {
    const [s, d] = await Promise.all([connectTo(source, 'ann', 'old'), connectTo(destination, 'ann', 'new')]);
    const sqlite = new BetterSqlite3(':memory:');
    migrate(sqlite);
    const folder = imapSourceFolder(s, 'INBOX');
    try {
      await d.mailboxCreate('Whole');
      const outcome = await copyFolder({
        source: { ...folder, streamBody: async () => null },
        destination: imapDestinationFolder(d, 'Whole'),
        pairing: {
          sourceAccount: 's',
          sourceFolder: 'INBOX',
          destinationAccount: 'd',
          destinationFolder: 'Whole',
        },
        ledger: createLedgerRepository(sqlite, fixedClock()),
        budget: createByteBudget(16 * 1024 * 1024),
        batchBytes: 64 * 1024,
        signal: new AbortController().signal,
        onProgress: () => {},
        onMessageFailed: () => {},
      });
      expect(outcome).toMatchObject({ copied: SMALL + 1, failed: 0 });
    } finally {
      await Promise.allSettled([s.logout(), d.logout()]);
    }
    const copied = (await mailbox(destination, 'new')).filter((m) => m.folder === 'Whole');
    expect(copied.map((m) => sha(m.source))).toContain(sha(big));
    const client = await connectTo(destination, 'ann', 'new');
    await client.mailboxDelete('Whole');
    await client.logout();
  });

  it('killed with SIGKILL while it is streamed, then retried: every message on the destination once', async () => {
    const first = runCliProcess(
      migrateArgs({
        db,
        source,
        destination,
        users: join(dir.path, 'users.csv'),
        name: 'big',
        sourcePort: link.port,
      }),
    );
    // The messages before the large one are stored; it is the next to go.
    await first.waitFor(
      (l) => l['type'] === 'progress' && l['kind'] === 'account' && Number(l['messagesDone']) >= SMALL / 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    first.child.kill('SIGKILL');
    await first.exited;
    const partway = await mailbox(destination, 'new');
    expect(partway.some((m) => m.source.length === big.length)).toBe(false);
    expect(partway.length).toBeLessThan(SMALL + 1);

    const retry = runCliProcess(['--db', db, '--json', 'retry', 'big']);
    expect(await retry.exited).toBe(0);
    expect(tally(await mailbox(destination, 'new'))).toEqual(tally(await mailbox(source, 'old')));
  });
});
