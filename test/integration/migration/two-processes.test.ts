import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSlowLink } from '../../harness/slow-link.ts';
import type { SlowLink } from '../../harness/slow-link.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';
import { createTestServices } from '../../support/test-services.ts';

// The app's database shared by two processes: a job runs in one (`cutover migrate`), while
// another opens the same file (`cutover jobs`, `cutover info`, a second window). The job must
// stay running and end exact; the second process can see it and ask it to pause, never run it.
const MESSAGES = 300;
let source: DovecotServer;
let destination: DovecotServer;
let link: SlowLink;
const dir = makeTempDir('two-processes');
const db = join(dir.path, 'cutover.db');

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(MESSAGES, 'Shared'));
  // About 1 MB at 400 KB/s: a few seconds, and the tests hold the link while they act.
  link = await startSlowLink({ host: source.host, port: source.ports.imaps }, 400_000);
  writeFileSync(join(dir.path, 'users.csv'), 'ann,pw\n');
});

afterAll(async () => {
  await link?.stop();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  dir.remove();
});

const migrate = (name: string, into: DovecotServer = destination) =>
  runCliProcess(
    migrateArgs({
      db,
      source,
      destination: into,
      sourcePort: link.port,
      users: join(dir.path, 'users.csv'),
      name,
    }),
  );

const copiedSoFar = (line: Record<string, unknown>) =>
  line['type'] === 'progress' && line['kind'] === 'job' && Number(line['messagesDone']) > 0;

async function destinationSubjects(server: DovecotServer = destination): Promise<string[]> {
  const client = await connectTo(server, 'ann', 'pw');
  const messages = await readMailbox(client);
  await client.logout();
  return messages.map((m) => /Subject: (.*)\r\n/.exec(m.source.toString())![1]!);
}

describe('a job in one process while another opens the same database', () => {
  it('stays running through `cutover jobs` and `cutover info`, refuses a second run, and ends done and exact', async () => {
    const owner = migrate('office');
    await owner.waitFor(copiedSoFar);
    // The job stands still mid-copy while the other processes come and go, however slow they start.
    link.hold();

    const jobs = runCliProcess(['--db', db, '--json', 'jobs']);
    expect(await jobs.exited).toBe(0);
    expect(jobs.lines[0]).toEqual([expect.objectContaining({ name: 'office', status: 'running' })]);
    const info = runCliProcess(['--db', db, '--json', 'info']);
    expect(await info.exited).toBe(0);

    const second = runCliProcess(['--db', db, '--json', 'retry', 'office']);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(
      /Job "office" is already running in another Cutover window or command \(process \d+/,
    );

    // A second window on the same file sees the job running (in another process).
    const window = createTestServices(db);
    try {
      expect(window.jobManager.list()).toEqual([
        expect.objectContaining({ name: 'office', status: 'running', running: true }),
      ]);
    } finally {
      window.close();
    }
    link.resume();

    expect(await owner.exited).toBe(0);
    expect(owner.lines).toContainEqual(expect.objectContaining({ type: 'summary', status: 'done' }));
    expect(owner.lines.filter((l) => l['type'] === 'log' && l['code'] === 'interrupted')).toEqual([]);
    const subjects = await destinationSubjects();
    expect(subjects).toHaveLength(MESSAGES);
    expect(new Set(subjects).size).toBe(MESSAGES);
  });

  it('pauses when another process asks, says how to carry on, and the retry ends exact', async () => {
    const fresh = await startDovecot({ users: [{ username: 'ann', password: 'pw' }] });
    onTestFinished(() => fresh.stop());
    const owner = migrate('second-pass', fresh);
    await owner.waitFor(
      (l) => l['type'] === 'log' && String(l['message']).startsWith('Job "second-pass" started'),
    );
    link.hold();
    const window = createTestServices(db);
    try {
      expect(window.jobManager.pause('second-pass')).toMatchObject({ running: true });
    } finally {
      window.close();
    }
    await owner.waitFor((l) => l['type'] === 'log' && String(l['message']).startsWith('Pause asked for'));
    link.resume();
    expect(await owner.exited).toBe(1);
    expect(owner.lines).toContainEqual(expect.objectContaining({ type: 'summary', status: 'paused' }));

    expect(owner.lines.at(-1)).toMatchObject({
      type: 'summary',
      next: 'Paused: nothing is lost or copied twice. Carry on with: cutover retry second-pass',
    });
    expect((await destinationSubjects(fresh)).length).toBeLessThan(MESSAGES);

    const retry = runCliProcess(['--db', db, '--json', 'retry', 'second-pass']);
    expect(await retry.exited).toBe(0);
    const subjects = await destinationSubjects(fresh);
    expect(subjects).toHaveLength(MESSAGES);
    expect(new Set(subjects).size).toBe(MESSAGES);
  });
});
