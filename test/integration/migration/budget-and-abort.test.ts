import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import BetterSqlite3 from 'better-sqlite3';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { migrate } from '../../../main/infrastructure/store/migrate.ts';
import { createLedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import type { LedgerRepository } from '../../../main/infrastructure/store/ledger-repository.ts';
import { imapDestinationFolder } from '../../../main/engine/migration/imap-destination/imap-destination.ts';
import { copyFolder } from '../../../main/engine/migration/folder-copier.ts';
import { imapSourceFolder } from '../../../main/engine/migration/imap-source-folder.ts';
import { createByteBudget } from '../../../main/engine/migration/byte-budget.ts';
import type { ByteBudget } from '../../../main/engine/migration/byte-budget.ts';
import { fixedClock } from '../../support/test-services.ts';

// The byte budget with messages larger than the whole budget shared by
// two folders copied at once (no deadlock), and an abort in the middle of a read-ahead (no
// budget leak, nothing stored after the abort, a re-run completes without duplicates).
let source: DovecotServer;
let destination: DovecotServer;
const clients: ImapFlow[] = [];

const big = (subject: string) => rawMessage({ subject, body: 'b'.repeat(1_300_000) });
const small = (subject: string) => rawMessage({ subject, body: 's'.repeat(3000) });

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'old' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'new' }] }),
  ]);
  const src = await connectTo(source, 'ann', 'old');
  const dst = await connectTo(destination, 'ann', 'new');
  for (const folder of ['A', 'B', 'C']) {
    await src.mailboxCreate(folder);
    await dst.mailboxCreate(folder);
  }
  for (const folder of ['A', 'B'])
    for (let i = 0; i < 6; i++)
      await src.append(folder, i % 2 ? big(`${folder} big ${i}`) : small(`${folder} small ${i}`), []);
  for (let i = 0; i < 30; i++) await src.append('C', small(`C ${i}`), []);
  await Promise.all([src.logout(), dst.logout()]);
});

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.logout()));
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

async function pair() {
  const s = await connectTo(source, 'ann', 'old');
  const d = await connectTo(destination, 'ann', 'new');
  clients.push(s, d);
  return { s, d };
}

function ledgerOf(): LedgerRepository {
  const db = new BetterSqlite3(':memory:');
  migrate(db);
  return createLedgerRepository(db, fixedClock());
}

function copy(
  folder: string,
  conn: { s: ImapFlow; d: ImapFlow },
  ledger: LedgerRepository,
  budget: ByteBudget,
  extra: { signal?: AbortSignal; onProgress?: (done: number) => void; batchMessages?: number } = {},
) {
  return copyFolder({
    source: imapSourceFolder(conn.s, folder),
    destination: imapDestinationFolder(conn.d, folder),
    pairing: { sourceAccount: 's', sourceFolder: folder, destinationAccount: 'd', destinationFolder: folder },
    ledger,
    budget,
    batchBytes: 8 * 1024,
    batchMessages: extra.batchMessages ?? 3,
    signal: extra.signal ?? new AbortController().signal,
    onProgress: (done) => extra.onProgress?.(done),
    onMessageFailed: () => {},
  });
}

async function subjects(folder: string, side: 'src' | 'dst') {
  const c =
    side === 'src' ? await connectTo(source, 'ann', 'old') : await connectTo(destination, 'ann', 'new');
  const list = (await readMailbox(c)).filter((m) => m.folder === folder);
  await c.logout();
  return list.map((m) => /Subject: (.*)/.exec(m.source.toString())![1]!).sort();
}

describe('byte budget and abort', () => {
  it('two folders at once through a 64 KB budget, with 1.3 MB messages, both finish', async () => {
    const budget = createByteBudget(64 * 1024);
    const ledger = ledgerOf();
    const [a, b] = await Promise.all([
      copy('A', await pair(), ledger, budget),
      copy('B', await pair(), ledger, budget),
    ]);
    expect(a).toMatchObject({ copied: 6, failed: 0 });
    expect(b).toMatchObject({ copied: 6, failed: 0 });
    expect(budget.inUse).toBe(0);
    expect(await subjects('A', 'dst')).toEqual(await subjects('A', 'src'));
    expect(await subjects('B', 'dst')).toEqual(await subjects('B', 'src'));
  });

  it('an abort after the first batch stores nothing more, gives back the read-ahead budget, and a re-run copies the rest once', async () => {
    const budget = createByteBudget(1024 * 1024);
    const ledger = ledgerOf();
    const controller = new AbortController();
    const conn = await pair();
    await expect(
      copy('C', conn, ledger, budget, {
        signal: controller.signal,
        onProgress: (done) => {
          if (done > 0) controller.abort('pause');
        },
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    // The read-ahead batch lands and is dropped.
    for (let i = 0; i < 50 && budget.inUse > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(budget.inUse).toBe(0);
    // Batches of 8 KB: two messages each; only the first batch landed.
    expect((await subjects('C', 'dst')).length).toBe(2);

    expect(await copy('C', await pair(), ledger, budget)).toMatchObject({ copied: 28, skipped: 2 });
    expect(await subjects('C', 'dst')).toEqual(await subjects('C', 'src'));
  });
});
