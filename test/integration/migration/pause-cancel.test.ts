import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import type { JobDetail, LogLine } from '../../../preload/contract.ts';

// Pause and cancel through the API, while a job runs against real Dovecot servers: both stop
// after the messages in flight; a paused job says "paused", a cancelled one "cancelled", and
// resuming either copies the rest, every message exactly once.
const USERS = ['ann', 'bob', 'cat'] as const;
const PER_USER = 40;
let source: DovecotServer;
let destination: DovecotServer;
let services: ReturnType<typeof createTestServices>;

beforeAll(async () => {
  const users = USERS.map((username) => ({ username, password: `${username}-pw` }));
  [source, destination] = await Promise.all([startDovecot({ users }), startDovecot({ users })]);
  for (const user of USERS) {
    const client = await connectTo(source, user, `${user}-pw`);
    for (let i = 0; i < PER_USER; i++)
      await client.append('INBOX', rawMessage({ subject: `${user} ${i}`, body: 'z'.repeat(2000) }), []);
    await client.logout();
  }
  services = createTestServices(':memory:', {
    connections: { openPop3: () => Promise.reject(new Error('unused')), sleep: async () => {} },
  });
});

afterAll(async () => {
  services?.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

const value = <T>(result: unknown): T => {
  expect(result).toMatchObject({ ok: true });
  return (result as { value: T }).value;
};

/**
 * Starts a job of the three users, one account at a time, and stops it once ann is done: on the
 * log line that says so, written before the next account starts (progress events are throttled
 * and can arrive after a small account like bob's has finished too).
 */
async function startAndStopAfterFirstAccount(name: string, stop: 'jobs.pause' | 'jobs.cancel') {
  let stopped = false;
  const unsubscribe = services.bus.subscribe((event, payload) => {
    const line = payload as LogLine;
    if (!stopped && event === 'log.line' && line.account === 'ann' && line.code === 'done') {
      stopped = true;
      void services.dispatch(stop, { name });
    }
  });
  value(
    await services.dispatch('jobs.start', {
      name,
      source: {
        host: source.host,
        protocol: 'imaps',
        ports: { imaps: source.ports.imaps },
        trustedFingerprint: source.certificate.fingerprint256,
      },
      destination: {
        host: destination.host,
        port: destination.ports.imaps,
        trustedFingerprint: destination.certificate.fingerprint256,
      },
      users: USERS.map((u) => `${u},${u}-pw`).join('\n'),
      concurrency: 1,
    }),
  );
  await services.jobManager.settled(name);
  unsubscribe();
  return value<JobDetail>(await services.dispatch('jobs.get', { name }));
}

async function inboxCount(user: string): Promise<number> {
  const client = await connectTo(destination, user, `${user}-pw`);
  const messages = await readMailbox(client);
  await client.logout();
  return messages.length;
}

describe('pausing and cancelling a running job', () => {
  it('pauses after the messages in flight, and resumes to exactly one copy of each message', async () => {
    const paused = await startAndStopAfterFirstAccount('to-pause', 'jobs.pause');
    expect(paused).toMatchObject({ status: 'paused', running: false });
    expect(paused.accountResults[0]).toMatchObject({ username: 'ann', status: 'done', copied: PER_USER });
    expect(paused.accountResults.filter((a) => a.status === 'queued').length).toBeGreaterThanOrEqual(1);
    const log = value<Array<{ message: string }>>(await services.dispatch('jobs.log', { name: 'to-pause' }));
    expect(log.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Job "to-pause" paused: 1 done, 0 partly done, 0 failed, [12] not started\.$/),
      ]),
    );

    value(await services.dispatch('jobs.retry', { name: 'to-pause' }));
    await services.jobManager.settled('to-pause');
    const resumed = value<JobDetail>(await services.dispatch('jobs.get', { name: 'to-pause' }));
    expect(resumed).toMatchObject({ status: 'done', accounts: { done: 3 } });
    for (const user of USERS) expect(await inboxCount(user)).toBe(PER_USER);
  });

  it('cancels as "cancelled", and a later resume still copies nothing twice', async () => {
    const cancelled = await startAndStopAfterFirstAccount('to-cancel', 'jobs.cancel');
    expect(cancelled).toMatchObject({ status: 'cancelled', running: false });
    value(await services.dispatch('jobs.retry', { name: 'to-cancel' }));
    // What the app waits for, with its window closed, before it quits.
    await services.jobManager.idle();
    expect(services.jobManager.list().filter((j) => j.running)).toEqual([]);
    expect(value<JobDetail>(await services.dispatch('jobs.get', { name: 'to-cancel' }))).toMatchObject({
      status: 'done',
    });
    for (const user of USERS) expect(await inboxCount(user)).toBe(PER_USER);
  });
});
