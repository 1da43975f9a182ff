import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSlowLink } from '../../harness/slow-link.ts';
import type { SlowLink } from '../../harness/slow-link.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

// The one-run-per-mailbox claim when its owner stops answering: a frozen (SIGSTOP) or sleeping
// owner keeps it, and an owner whose claim was taken over anyway stops before writing more.
const MESSAGES = 300;
let source: DovecotServer;
let destination: DovecotServer;
let link: SlowLink;
const dir = makeTempDir('lost-claim');

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(MESSAGES, 'Claimed'));
  link = await startSlowLink({ host: source.host, port: source.ports.imaps }, 400_000);
  writeFileSync(join(dir.path, 'users.csv'), 'ann,pw\n');
});

afterAll(async () => {
  await link?.stop();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  dir.remove();
});

async function destinationCount(): Promise<{ all: number; distinct: number }> {
  const client = await connectTo(destination, 'ann', 'pw');
  const messages = await readMailbox(client);
  await client.logout();
  return { all: messages.length, distinct: new Set(messages.map((m) => m.source.toString())).size };
}

describe('a mailbox claim whose owner stops answering', () => {
  it('is kept by a frozen owner however long it is frozen: the waiting job copies nothing twice', async () => {
    const db = join(dir.path, 'frozen.db');
    const migrate = (name: string) =>
      runCliProcess(
        migrateArgs({
          db,
          source,
          destination,
          sourcePort: link.port,
          users: join(dir.path, 'users.csv'),
          name,
        }),
        // Were staleness judged by time alone, a 3 s freeze would hand the mailbox over.
        { CUTOVER_CLAIM_STALE_MS: '500' },
      );
    const owner = migrate('owner');
    await owner.waitFor(
      (l) => l['type'] === 'progress' && l['kind'] === 'job' && Number(l['messagesDone']) > 0,
    );
    link.hold(); // the owner stands still mid-copy until the waiter is waiting
    const waiter = migrate('waiter');
    await waiter.waitFor(
      (l) => l['type'] === 'log' && String(l['message']).startsWith('Waiting: another job'),
    );
    owner.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(waiter.lines.filter((l) => l['type'] === 'progress' && Number(l['messagesDone']) > 0)).toEqual([]);
    owner.child.kill('SIGCONT');
    link.resume();
    expect(await owner.exited).toBe(0);
    expect(await waiter.exited).toBe(0);
    const summary = waiter.lines.find((l) => l['type'] === 'summary') as {
      accounts: Array<{ copied: number }>;
    };
    expect(summary.accounts[0]!.copied).toBe(0);
    expect(await destinationCount()).toEqual({ all: MESSAGES, distinct: MESSAGES });
  });

  it('once taken over, makes its owner stop before the next batch it would have appended', async () => {
    const fresh = await startSeededPair(MESSAGES, 'Taken');
    const slow = await startSlowLink({ host: fresh.source.host, port: fresh.source.ports.imaps }, 400_000);
    const services = createTestServices();
    try {
      let takenOver = false;
      const stop = services.bus.subscribe((event, payload) => {
        const p = payload as { kind?: string; messagesDone?: number };
        if (!takenOver && event === 'job.progress' && p.kind === 'account' && (p.messagesDone ?? 0) > 0) {
          takenOver = true;
          // Another host's run takes the claim (this one looked abandoned to it).
          services.db
            .prepare(
              "UPDATE claims SET process_token = 'elsewhere', hostname = 'other-laptop' WHERE resource LIKE 'mailbox:%'",
            )
            .run();
        }
      });
      const request = requestBetween(fresh.source, fresh.destination, 'ann,pw\n', { name: 'taken' });
      request.source.ports = { ...request.source.ports, imaps: slow.port };
      // Small batches: several are left when the claim goes.
      const summary = await createAndRun(services, request, fresh, { budgetBytes: 1024 * 1024 });
      stop();
      expect(takenOver).toBe(true);
      const account = summary.accounts[0]!;
      expect(account).toMatchObject({ status: 'failed', errorCode: 'mailbox-taken-over' });
      const client = await connectTo(fresh.destination, 'ann', 'pw');
      const onDestination = (await readMailbox(client)).length;
      await client.logout();
      expect(onDestination).toBeGreaterThan(0);
      expect(onDestination).toBeLessThan(MESSAGES);
      expect(account.messagesCopied).toBe(onDestination);
      // The other run's claim is left as it is.
      expect(
        services.db.prepare("SELECT process_token FROM claims WHERE resource LIKE 'mailbox:%'").all(),
      ).toEqual([{ process_token: 'elsewhere' }]);
    } finally {
      services.close();
      await slow.stop();
      await Promise.allSettled([fresh.source.stop(), fresh.destination.stop()]);
    }
  });
});
