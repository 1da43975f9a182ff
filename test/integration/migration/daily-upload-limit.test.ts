import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../../preload/contract.ts';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';
import { dayOf } from '../../../main/engine/migration/daily-upload-limit.ts';
import { mailboxIdentity } from '../../../main/engine/migration/endpoints.ts';

// A destination that takes only so many bytes a day into a mailbox, like Gmail over IMAP. The
// test's clock moves only when the job sleeps, by exactly as long as it sleeps.
const LIMIT = 3_500;
let source: DovecotServer;
let destination: DovecotServer;
const clock = fixedClock('2026-11-24T09:00:00.000Z');
const services = createTestServices(':memory:', { clock });

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'a');
  // About 1.6 KB each: two fit in a day's 3.5 KB, so five take three days.
  for (let i = 0; i < 5; i++)
    await client.append('INBOX', rawMessage({ subject: `Day mail ${i}`, body: 'x'.repeat(1400) }), [
      '\\Seen',
    ]);
  await client.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('a destination with a daily upload limit', () => {
  it('says how many days it takes, stores what fits each day, waits for the next by itself, and ends exact', async () => {
    const start = clock.now();
    const sleeps: number[] = [];
    const waiting: string[] = [];
    const unsubscribe = services.bus.subscribe((name, payload) => {
      const p = payload as Progress;
      if (name === 'job.progress' && p.kind === 'account' && p.waitingUntil) waiting.push(p.waitingUntil);
    });
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,a\n', {
        name: 'paced',
        destination: {
          host: destination.host,
          protocol: 'imaps',
          port: destination.ports.imaps,
          dailyUploadBytes: LIMIT,
        },
      }),
      { source, destination },
      {},
      {
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.set(new Date(clock.now().getTime() + ms).toISOString());
        },
      },
    );
    unsubscribe();

    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 5, messagesFailed: 0 });
    const stored = await readMailbox(await connectTo(destination, 'ann', 'a'));
    expect(stored).toHaveLength(5);

    // Two nights, each slept to the start of the next day.
    const midnight = (iso: string) => {
      const at = new Date(iso);
      return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).toISOString();
    };
    expect(waiting).toEqual([midnight(start.toISOString()), midnight(midnight(start.toISOString()))]);
    expect(sleeps).toHaveLength(2);

    const account = mailboxIdentity(destination.host, 'ann');
    const days = [0, 1, 2].map((n) => dayOf(new Date(start.getTime() + n * 86_400_000)));
    const perDay = days.map((day) => services.uploads.uploaded(account, day));
    expect(perDay.every((bytes) => bytes > 0 && bytes <= LIMIT)).toBe(true);
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(summary.accounts[0]!.bytesCopied);

    const log = services.eventLog.forJob(summary.job.id, 'ann').map((l) => l.message);
    // Told again each day, with the days left.
    const plans = log.filter((m) => m.startsWith('About '));
    expect(plans).toHaveLength(3);
    expect(plans[2]).toMatch(/which fits in what is left of today’s quota/);
    expect(plans[0]).toMatch(
      /^About [\d.]+ KB to copy; the new server takes at most 3 KB a day into this mailbox, so this takes 3 days \(today and 2 more\)\. Cutover waits for each day's quota by itself\.$/,
    );
    expect(log.filter((m) => m.includes("today's is used; Cutover waits for tomorrow's quota"))).toEqual([
      expect.stringContaining(`continues by itself on ${days[1]} at 00:00.`),
      expect.stringContaining(`continues by itself on ${days[2]} at 00:00.`),
    ]);
  });
});
