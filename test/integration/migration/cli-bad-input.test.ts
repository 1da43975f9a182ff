import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';

// Users files as people really write them, to `cutover migrate`: each mistake is refused with
// the line to fix, and nothing that may be a password is ever printed.
let source: DovecotServer;
let destination: DovecotServer;
const dir = makeTempDir('cli-bad-input');
const db = join(dir.path, 'cutover.db');

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(3, 'Input'));
});

afterAll(async () => {
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  dir.remove();
});

function migrate(users: string | Buffer, extra: string[] = []) {
  const file = join(dir.path, `users-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, users);
  return runCliProcess(migrateArgs({ db, source, destination, users: file, extra }));
}

describe('a users file with mistakes', () => {
  it('that is not UTF-8 is refused with the line, never decoded into a wrong password', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('bob,secret\nann,'),
      Buffer.from([0x70, 0xe4, 0x73, 0x73]),
      Buffer.from('\n'),
    ]);
    const run = migrate(latin1);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('is not UTF-8 text (line 2)');
    expect(run.stderr()).toContain('CSV UTF-8');
  });

  it('with a line of one field never shows that field, which may be a password', async () => {
    const run = migrate('ann,pw\nhunter2-correct-horse\n');
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('line 2: this line has one field only');
    expect(run.stderr()).not.toContain('hunter2');
  });

  it('with a line of a megabyte says how long it is and prints none of it', async () => {
    const run = migrate(`ann,pw\nbob,${'s3cr3t'.repeat(175_000)}\n`);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/line 2: this line is 1,050,004 characters long/);
    expect(run.stderr()).not.toContain('s3cr3t');
    expect(run.stderr().length).toBeLessThan(2_000);
  });

  it('of 10 MB is refused as too long for one job, and none of it is printed', async () => {
    const run = migrate(`ann,pw\nbob,${'s3cr3t'.repeat(1_750_000)}\n`);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('the users list is over 2,000,000 characters; split it into several jobs');
    expect(run.stderr()).not.toContain('s3cr3t');
    expect(run.stderr().length).toBeLessThan(2_000);
  });

  it('with a password longer than the app accepts is refused in the CLI too', async () => {
    const run = migrate(`ann,${'p'.repeat(1025)}\n`);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('line 1: a password is longer than 1,024 characters');
    expect(run.stderr()).not.toContain('ppppp');
  });

  it('with an unquoted comma in a username that turns the login into a password is caught', async () => {
    const run = migrate('smith,ann@example.test,new-secret\n');
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('line 1: the password looks like a login');
    expect(run.stderr()).toContain('put it in double quotes');
    expect(run.stderr()).not.toContain('new-secret');
  });

  it('named like an unfinished job says to carry on with cutover retry', async () => {
    const first = migrate('ann,wrong-password\n', ['--name', 'office']);
    expect(await first.exited).toBe(1);
    const again = migrate('ann,pw\n', ['--name', 'office']);
    expect(await again.exited).toBe(2);
    expect(again.stderr()).toContain(
      'the job "office" has not finished; to carry on with it, run: cutover retry office',
    );
  });
});
