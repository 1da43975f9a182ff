import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSlowLink } from '../../harness/slow-link.ts';
import type { SlowLink } from '../../harness/slow-link.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';

// `kill -9` of the CLI at several moments of one job (before the first message, early, in the
// middle, near the end, and after a random delay), each time carried on with `cutover retry`:
// the destination ends with every message exactly once, flags and dates as on the source.
const MESSAGES = 400;
let source: DovecotServer;
let destination: DovecotServer;
let link: SlowLink;
const dir = makeTempDir('kill-points');
const db = join(dir.path, 'cutover.db');

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      users: [
        { username: 'ann', password: 'old' },
        { username: 'bob', password: 'old' },
      ],
    }),
    startDovecot({
      users: [
        { username: 'ann', password: 'new' },
        { username: 'bob', password: 'new' },
      ],
    }),
  ]);
  for (const user of ['ann', 'bob']) {
    const client = await connectTo(source, user, 'old');
    await client.mailboxCreate('Archive');
    for (let i = 0; i < MESSAGES / 2; i++) {
      const folder = i % 4 === 0 ? 'Archive' : 'INBOX';
      // Every tenth has an exact twin in the same folder: both must arrive, once each.
      const subject = `${user} ${i - (i % 10 === 9 ? 1 : 0)}`;
      await client.append(
        folder,
        rawMessage({ subject, body: `${subject}\r\n${'k'.repeat(3000)}` }),
        i % 3 ? ['\\Seen'] : [],
        new Date(Date.UTC(2022, 0, 1, 0, i)),
      );
    }
    await client.logout();
  }
  // About 1.3 MB through 300 KB/s: a few seconds a run, time enough to kill it anywhere.
  link = await startSlowLink({ host: source.host, port: source.ports.imaps }, 300_000);
  writeFileSync(join(dir.path, 'users.csv'), 'ann,old,ann,new\nbob,old,bob,new\n');
});

afterAll(async () => {
  await link?.stop();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  dir.remove();
});

const firstRun = () =>
  runCliProcess(
    migrateArgs({
      db,
      source,
      destination,
      sourcePort: link.port,
      users: join(dir.path, 'users.csv'),
      name: 'office',
      extra: ['--concurrency', '2'],
    }),
  );
const retry = () => runCliProcess(['--db', db, '--json', 'retry', 'office']);

const done = (line: Record<string, unknown>) =>
  line['type'] === 'progress' && line['kind'] === 'job' ? Number(line['messagesDone']) : -1;

async function copiedNow(): Promise<number> {
  let count = 0;
  for (const user of ['ann', 'bob']) {
    const client = await connectTo(destination, user, 'new');
    count += (await readMailbox(client)).length;
    await client.logout();
  }
  return count;
}

describe('cutover migrate killed with SIGKILL at several moments', () => {
  it('ends exact after each kill and a final retry', async () => {
    const kills: Array<(run: ReturnType<typeof firstRun>) => Promise<unknown>> = [
      // Before any message: as soon as the job says it started.
      (run) => run.waitFor((l) => l['type'] === 'log' && String(l['message']).includes('started')),
      (run) => run.waitFor((l) => done(l) >= MESSAGES * 0.15),
      (run) => run.waitFor((l) => done(l) >= MESSAGES * 0.5),
      (run) => run.waitFor((l) => done(l) >= MESSAGES * 0.85),
      // Anywhere: a random moment in the first second and a half.
      () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1300)),
    ];
    let killed = 0;
    for (const [index, killPoint] of kills.entries()) {
      const run = index === 0 ? firstRun() : retry();
      const outcome = await Promise.race([killPoint(run).then(() => 'kill'), run.exited.then(() => 'ended')]);
      if (outcome === 'kill') {
        run.child.kill('SIGKILL');
        killed += 1;
      }
      await run.exited;
      expect(await copiedNow()).toBeLessThanOrEqual(MESSAGES);
    }
    expect(killed).toBeGreaterThanOrEqual(4);

    const last = retry();
    expect(await last.exited).toBe(0);
    expect(last.lines).toContainEqual(expect.objectContaining({ type: 'summary', status: 'done' }));
    for (const user of ['ann', 'bob']) {
      const tally = async (server: DovecotServer, password: string) => {
        const client = await connectTo(server, user, password);
        const messages = await readMailbox(client);
        await client.logout();
        return messages
          .map(
            (m) =>
              `${m.folder}|${[...m.flags].sort().join(' ')}|${m.internalDate}|${m.source.toString('base64')}`,
          )
          .sort();
      };
      expect(await tally(destination, 'new')).toEqual(await tally(source, 'old'));
    }
  });
});
