import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';
import { startSlowLink } from '../../harness/slow-link.ts';
import type { SlowLink } from '../../harness/slow-link.ts';

const MESSAGES = 600;
let source: DovecotServer;
let destination: DovecotServer;
// The first run reads the source through a slow link, so it is surely killed in the middle.
let link: SlowLink;
const dir = makeTempDir('cli-resume');
const db = join(dir.path, 'cutover.db');

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'old' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'new' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'old');
  await client.mailboxCreate('Archive/2019'.replace('/', '.'));
  for (let i = 0; i < MESSAGES; i++) {
    // Every tenth message has an exact twin: both copies must arrive, once each.
    const subject = `Message ${i - (i % 10 === 9 ? 1 : 0)}`;
    const folder = i % 3 === 0 ? 'Archive.2019' : 'INBOX';
    await client.append(
      folder,
      rawMessage({
        subject,
        messageId: i % 7 === 0 ? null : undefined,
        body: `${subject}\r\n${'x'.repeat(4000)}`,
      }),
      i % 2 ? ['\\Seen'] : [],
      new Date(Date.UTC(2020, 0, 1 + (i % 300))),
    );
  }
  await client.logout();
  writeFileSync(join(dir.path, 'users.csv'), 'ann,old,ann,new\n');
  link = await startSlowLink({ host: source.host, port: source.ports.imaps }, 800_000);
});

afterAll(async () => {
  await Promise.allSettled([link?.stop(), source?.stop(), destination?.stop()]);
  dir.remove();
});

const common = () =>
  migrateArgs({
    db,
    source,
    destination,
    users: join(dir.path, 'users.csv'),
    name: 'office',
    sourcePort: link.port,
  });

describe('cutover migrate killed with SIGKILL in the middle, then cutover retry', () => {
  it('ends with every message on the destination exactly once', async () => {
    const first = runCliProcess(common());
    await first.waitFor(
      (l) =>
        l['type'] === 'progress' &&
        l['kind'] === 'account' &&
        Number(l['messagesDone']) > 50 &&
        Number(l['messagesDone']) < MESSAGES - 100,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const partway = await readMailbox(await connectTo(destination, 'ann', 'new'));
    expect(partway.length).toBeGreaterThan(0);
    expect(partway.length).toBeLessThan(MESSAGES);

    const retry = runCliProcess(['--db', db, '--json', 'retry', 'office']);
    expect(await retry.exited).toBe(0);
    const summary = retry.lines.find((l) => l['type'] === 'summary') as {
      status: string;
      accounts: Array<{ copied: number; skipped: number; total: number }>;
    };
    expect(summary.status).toBe('done');
    expect(summary.accounts[0]!.total).toBe(MESSAGES);
    expect(summary.accounts[0]!.copied + summary.accounts[0]!.skipped).toBe(MESSAGES);

    const sourceMessages = await readMailbox(await connectTo(source, 'ann', 'old'));
    const destinationMessages = await readMailbox(await connectTo(destination, 'ann', 'new'));
    const tally = (list: typeof sourceMessages) => {
      const counts = new Map<string, number>();
      for (const m of list) {
        const key = `${m.folder.replace('/', '.')}|${m.flags.join(' ')}|${m.internalDate}|${m.source.toString('base64')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts.entries()].sort();
    };
    expect(destinationMessages).toHaveLength(MESSAGES);
    expect(tally(destinationMessages)).toEqual(tally(sourceMessages));
  });

  it('has nothing left to retry once done, and lists the job as done', async () => {
    const again = runCliProcess(['--db', db, '--json', 'retry', 'office']);
    expect(await again.exited).toBe(0);
    expect(again.lines).toContainEqual(
      expect.objectContaining({
        type: 'log',
        message: 'Job "office" started: 0 of 1 accounts to copy, 4 at a time.',
      }),
    );
    expect(await readMailbox(await connectTo(destination, 'ann', 'new'))).toHaveLength(MESSAGES);
    const jobs = runCliProcess(['--db', db, '--json', 'jobs']);
    expect(await jobs.exited).toBe(0);
    expect(jobs.lines[0]).toEqual([
      expect.objectContaining({
        name: 'office',
        status: 'done',
        accounts: expect.objectContaining({ done: 1 }),
      }),
    ]);
  });

  it('with --all runs the finished account again and copies only the mail that arrived since', async () => {
    const client = await connectTo(source, 'ann', 'old');
    await client.append('INBOX', rawMessage({ subject: 'Arrived after the first copy' }), []);
    await client.logout();
    const again = runCliProcess(['--db', db, '--json', 'retry', 'office', '--all']);
    expect(await again.exited).toBe(0);
    const summary = again.lines.find((l) => l['type'] === 'summary') as {
      accounts: Array<{ copied: number; skipped: number }>;
    };
    expect(summary.accounts[0]).toMatchObject({ copied: 1, skipped: MESSAGES });
    expect(await readMailbox(await connectTo(destination, 'ann', 'new'))).toHaveLength(MESSAGES + 1);
  });
});
