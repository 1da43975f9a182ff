import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';
import { DEFAULT_RETRY } from '../../../main/engine/migration/retry-policy.ts';

const MESSAGES = 400;
let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(MESSAGES, 'Message'));
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('a connection dropped in the middle of an account', () => {
  it('is retried with back-off and the account finishes with every message exactly once', async () => {
    let kicked = false;
    const stop = services.bus.subscribe((event, payload) => {
      const p = payload as { kind?: string; messagesDone?: number };
      if (!kicked && event === 'job.progress' && p.kind === 'account' && (p.messagesDone ?? 0) > 60) {
        kicked = true;
        void source.doveadm(['kick', 'ann']);
      }
    });
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', { name: 'kick' }),
      { source, destination },
    );
    stop();
    expect(kicked).toBe(true);
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesTotal: MESSAGES });
    const log = services.eventLog.forJob(summary.job.id, 'ann');
    expect(log).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        code: 'connection-dropped',
        message: expect.stringMatching(
          /dropped.*Waiting for the old server: next try at \d\d:\d\d:\d\d \(in \d+ s\)\.$/,
        ),
      }),
    );
    const copied = await readMailbox(await connectTo(destination, 'ann', 'pw'));
    expect(copied).toHaveLength(MESSAGES);
    expect(new Set(copied.map((m) => m.source.toString())).size).toBe(MESSAGES);
  });
});

describe('the hotel network', () => {
  it('a connection that drops again and again finishes, because every attempt that copied something starts the budget afresh', async () => {
    const pair = await startSeededPair(MESSAGES, 'Hotel');
    try {
      let next = 60;
      let kicks = 0;
      const stop = services.bus.subscribe((event, payload) => {
        const p = payload as { kind?: string; messagesDone?: number; jobId?: number };
        // Every 60 messages more than at the last drop (a reconnect starts where it stopped).
        if (event === 'job.progress' && p.kind === 'account' && (p.messagesDone ?? 0) >= next) {
          next = (p.messagesDone ?? 0) + 60;
          kicks += 1;
          void pair.source.doveadm(['kick', 'ann']).catch(() => {});
        }
      });
      // Two attempts in a row without progress: five drops would exhaust a budget that never resets.
      const summary = await createAndRun(
        services,
        requestBetween(pair.source, pair.destination, 'ann,pw\n', { name: 'hotel' }),
        pair,
        // Small batches (about 80 messages), so there is progress to make between drops.
        { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, budgetBytes: 1024 * 1024 },
      );
      stop();
      expect(kicks).toBeGreaterThanOrEqual(4);
      expect(summary.accounts[0]).toMatchObject({
        status: 'done',
        messagesTotal: MESSAGES,
        messagesCopied: MESSAGES,
      });
      const copied = await readMailbox(await connectTo(pair.destination, 'ann', 'pw'));
      expect(new Set(copied.map((m) => m.source.toString())).size).toBe(MESSAGES);
      expect(copied).toHaveLength(MESSAGES);
    } finally {
      await Promise.allSettled([pair.source.stop(), pair.destination.stop()]);
    }
  });

  it('an old server gone for good is waited for ten minutes, trying at least every 30 s, and the failed account says what it did copy', async () => {
    const pair = await startSeededPair(MESSAGES, 'Gone');
    try {
      let stopped = false;
      const stop = services.bus.subscribe((event, payload) => {
        const p = payload as { kind?: string; messagesDone?: number };
        if (!stopped && event === 'job.progress' && p.kind === 'account' && (p.messagesDone ?? 0) >= 100) {
          stopped = true;
          void pair.source.stop();
        }
      });
      const waits: number[] = [];
      const summary = await createAndRun(
        services,
        requestBetween(pair.source, pair.destination, 'ann,pw\n', { name: 'gone' }),
        pair,
        // Small batches (about 80 messages): the source is still needed when it goes, rather than
        // the second and last batch of 200 already read ahead and the run ending before the stop.
        { retry: DEFAULT_RETRY, budgetBytes: 1024 * 1024 },
        { sleep: async (ms) => void waits.push(ms) },
      );
      stop();
      const account = summary.accounts[0]!;
      expect(account.status).toBe('failed');
      expect(account.errorCode).toMatch(/connection-refused|connection-dropped/);
      expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10 * 60_000);
      expect(Math.max(...waits)).toBeLessThanOrEqual(30_000);
      const onDestination = await readMailbox(await connectTo(pair.destination, 'ann', 'pw'));
      expect(onDestination.length).toBeGreaterThanOrEqual(100);
      expect(account.messagesCopied).toBe(onDestination.length);
    } finally {
      await Promise.allSettled([pair.source.stop(), pair.destination.stop()]);
    }
  });
});
