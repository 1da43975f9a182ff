// Issue 11: memory stays flat as accounts grow. The same small corpus an account (the benchmark's
// size mix, one 20 MiB message in the first account) copied on loopback by a 4-account job and
// by a 64-account job, each in a child process of its own: both peaks, their ratio, ±10 %.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot } from '../test/harness/dovecot.ts';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { messagesPerAccount, passwordOf } from './corpus.ts';
import type { CorpusShape } from './corpus.ts';
import { describeRun, migrate, totals } from './child-migration.ts';
import { mb, say, seconds } from './say.ts';
import { indexAndCount, seedAccount } from './seed-maildir.ts';
import type { SeededAccount } from './seed-maildir.ts';

const ACCOUNTS = Array.from({ length: 64 }, (_, i) => `u${String(i).padStart(2, '0')}`);

/** 55 messages an account in two folders, the first account's 21st a 20 MiB one. */
export const SCALE_CORPUS: CorpusShape = {
  name: 'scale',
  folders: [
    ['INBOX', 30],
    ['Sent', 25],
  ],
  big: [['u00', 'INBOX', 20, 20 * 1024 * 1024]],
};

export interface ScaleOutcome {
  few: { accounts: number; peakMB: number; seconds: number };
  many: { accounts: number; peakMB: number; seconds: number };
  ratio: number;
  pass: boolean;
}

export async function runScale(servers: DovecotServer[]): Promise<ScaleOutcome> {
  say(`\n==== Scale: 4 accounts against 64 (loopback; corpus "${SCALE_CORPUS.name}")`);
  const users = ACCOUNTS.map((username) => ({ username, password: passwordOf(username) }));
  const started = await Promise.all([0, 1, 2].map(() => startDovecot({ users, layout: 'fs' })));
  servers.push(...started);
  const [source, few, many] = started as [DovecotServer, DovecotServer, DovecotServer];
  const work = await mkdtemp(join(tmpdir(), 'cutover-scale-'));
  try {
    let t = performance.now();
    const seeded: SeededAccount[] = [];
    for (const account of ACCOUNTS) seeded.push(await seedAccount(source, account, SCALE_CORPUS));
    for (const account of ACCOUNTS) await indexAndCount(source, account);
    const bytesOf = (n: number) => seeded.slice(0, n).reduce((sum, s) => sum + s.bytes, 0);
    say(
      `  ${ACCOUNTS.length} × ${messagesPerAccount(SCALE_CORPUS)} messages, ${mb(bytesOf(64)).toFixed(1)} MB ` +
        `(the first 4 accounts ${mb(bytesOf(4)).toFixed(1)} MB); seeded in ${seconds(performance.now() - t)}`,
    );
    const job = async (count: number, destination: DovecotServer) => {
      t = performance.now();
      const result = await migrate(
        {
          db: join(work, `scale-${count}.db`),
          keyHex: randomBytes(32).toString('hex'),
          source,
          destination,
          users: ACCOUNTS.slice(0, count).map((user) => ({ user, password: passwordOf(user) })),
        },
        `scale-${count}`,
      );
      describeRun(`${count} accounts`, result);
      const sum = totals(result);
      const expected = seeded.slice(0, count).reduce((n, s) => n + s.expected.length, 0);
      if (result.status !== 'done' || sum.copied !== expected)
        throw new Error(`The ${count}-account job copied ${sum.copied} of ${expected} (${result.status}).`);
      return {
        accounts: count,
        peakMB: (result.maxRssKB * 1024) / 1e6,
        seconds: (performance.now() - t) / 1000,
      };
    };
    const fewOutcome = await job(4, few);
    const manyOutcome = await job(64, many);
    const ratio = manyOutcome.peakMB / fewOutcome.peakMB;
    return { few: fewOutcome, many: manyOutcome, ratio, pass: Math.abs(ratio - 1) <= 0.1 };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
