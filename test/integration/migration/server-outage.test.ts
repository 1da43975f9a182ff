import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { acceptsConnections } from '../../harness/free-port.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

const MESSAGES = 300;
let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(MESSAGES, 'Outage'));
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('the source server stopped in the middle of a job and started again', () => {
  it('waits, reconnects, and finishes with every message exactly once', async () => {
    let restarted: Promise<void> | null = null;
    const stop = services.bus.subscribe((event, payload) => {
      const p = payload as { kind?: string; messagesDone?: number };
      if (!restarted && event === 'job.progress' && p.kind === 'account' && (p.messagesDone ?? 0) > 40) {
        restarted = source.restart(1000);
      }
    });
    // Real back-off (tens of ms) so the first reconnect lands while the server is still down.
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', { name: 'outage' }),
      { source, destination },
      { retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 400 } },
      { realSleep: true },
    );
    stop();
    await restarted;
    expect(restarted).not.toBeNull();
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesTotal: MESSAGES });
    const warnings = services.eventLog
      .forJob(summary.job.id, 'ann')
      .filter((l) => l.level === 'warn')
      .map((l) => l.code);
    expect(warnings).toContain('connection-dropped');
    expect(warnings).toContain('connection-refused');
    const copied = await readMailbox(await connectTo(destination, 'ann', 'pw'));
    expect(copied).toHaveLength(MESSAGES);
    expect(new Set(copied.map((m) => m.source.toString())).size).toBe(MESSAGES);
  });
});

describe('a job stopped while it waits to reconnect', () => {
  it('stops at once, not when the back-off is over', async () => {
    const down = source.restart(2000);
    // Stopped for sure before the job starts, so its first connection is refused.
    while (await acceptsConnections(source.ports.imaps)) await new Promise((r) => setTimeout(r, 50));
    const controller = new AbortController();
    const stop = services.bus.subscribe((event, payload) => {
      // The warning that announces the back-off ("… next try at 10:20:30 (in 600 s).").
      const line = payload as { message?: string; level?: string };
      if (event === 'log.line' && line.level === 'warn' && /next try at/.test(line.message ?? ''))
        controller.abort();
    });
    // A back-off of 10 minutes: were the wait not cut short by the stop, the test would time out.
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', { name: 'stopped-while-waiting' }),
      { source, destination },
      { signal: controller.signal, retry: { attempts: 3, baseDelayMs: 600_000, maxDelayMs: 600_000 } },
      { realSleep: true },
    );
    stop();
    expect(controller.signal.aborted).toBe(true);
    expect(summary.status).toBe('cancelled');
    expect(summary.accounts[0]?.status).toBe('queued');
    await down;
  });
});
