import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

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
        message: expect.stringMatching(/dropped.*Trying again in \d+ s \(attempt 2 of 3\)/),
      }),
    );
    const copied = await readMailbox(await connectTo(destination, 'ann', 'pw'));
    expect(copied).toHaveLength(MESSAGES);
    expect(new Set(copied.map((m) => m.source.toString())).size).toBe(MESSAGES);
  });
});
