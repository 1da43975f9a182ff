import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startReplyInjector } from '../../harness/reply-injector.ts';
import type { ReplyInjector } from '../../harness/reply-injector.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

// A destination that answers like Microsoft 365 (Exchange Online): Dovecot stores the mail, and
// a small proxy in front of it gives the replies Dovecot never gives. The suggested back-off is
// kept tiny because imapflow itself waits it out before it reports the reply.
let source: DovecotServer;
let destination: DovecotServer;
let microsoft: ReplyInjector;
const services = createTestServices();
const BIG_BYTES = 20_000;

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'a' }] }),
  ]);
  microsoft = await startReplyInjector(destination, [
    { command: 'APPEND', reply: 'NO Request is throttled. Suggested Backoff Time: 40 milliseconds' },
    { command: 'APPEND', reply: 'NO Server Unavailable. 15' },
    // Gmail's wording of the same refusal, given as BAD: a refusal all the same.
    { command: 'APPEND', reply: 'BAD [TOOBIG] Message too large.', minLiteralBytes: BIG_BYTES, times: 10 },
  ]);
  const client = await connectTo(source, 'ann', 'a');
  for (let i = 0; i < 4; i++) await client.append('INBOX', rawMessage({ subject: `Small ${i}` }), ['\\Seen']);
  await client.append('INBOX', rawMessage({ subject: 'Big', body: 'x'.repeat(BIG_BYTES) }), ['\\Seen']);
  await client.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([microsoft?.stop(), source?.stop(), destination?.stop()]);
});

describe('a Microsoft 365 destination that throttles and refuses a large message', () => {
  it('waits as asked, retries, copies everything else once, and reports only the large message', async () => {
    const waits: number[] = [];
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,a\n', {
        name: 'm365',
        destination: { host: destination.host, protocol: 'imaps', port: microsoft.port },
      }),
      { source, destination },
      { retry: { attempts: 3, baseDelayMs: 4000, maxDelayMs: 8000 } },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(microsoft.injected.slice(0, 2)).toEqual([
      'APPEND → NO Request is throttled. Suggested Backoff Time: 40 milliseconds',
      'APPEND → NO Server Unavailable. 15',
    ]);
    expect(summary.accounts[0]).toMatchObject({
      status: 'partial',
      messagesCopied: 4,
      messagesFailed: 1,
      errorCode: null,
    });
    // imapflow already waited the 40 ms it was told; with no time named, the policy's back-off
    // for a second attempt in a row (4-8 s).
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThanOrEqual(4000);
    expect(waits[1]).toBeLessThanOrEqual(8000);

    const log = services.eventLog.forJob(summary.job.id, 'ann');
    const throttled = log.filter((l) => l.code === 'throttled').map((l) => l.message);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]).toMatch(
      /^Microsoft 365 \(the new server, 127\.0\.0\.1\) asked Cutover to slow down; waiting 1 s \(next try at \d\d:\d\d:\d\d\), then carrying on where it stopped\.$/,
    );
    expect(throttled[1]).toMatch(/asked Cutover to slow down; waiting [4-8] s/);
    const tooLarge = log.filter((l) => l.code === 'message-too-large');
    expect(tooLarge.map((l) => l.message)).toEqual([
      expect.stringMatching(/<Big@old\.test> .* is larger than the new server accepts\. It was not copied\./),
    ]);
    expect(log.some((l) => l.code === 'message-refused' || l.code === 'folder-failed')).toBe(false);

    const copied = await readMailbox(await connectTo(destination, 'ann', 'a'));
    const subjects = copied.map((m) => /Subject: (.*)\r\n/.exec(m.source.toString())![1]).sort();
    expect(subjects).toEqual(['Small 0', 'Small 1', 'Small 2', 'Small 3']);
  });
});
