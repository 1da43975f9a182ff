import { describe, expect, it } from 'vitest';
import { throttleReplyOf } from '../../main/engine/migration/throttle-reply.ts';
import { classifyError } from '../../main/engine/migration/migration-error.ts';
import { nextTry } from '../../main/engine/migration/next-try.ts';
import { DEFAULT_RETRY } from '../../main/engine/migration/retry-policy.ts';

// Errors shaped as imapflow throws them for a tagged NO or BAD (responseText, serverResponseCode).
const no = (responseText: string, serverResponseCode?: string) => ({
  responseStatus: 'NO',
  responseText,
  ...(serverResponseCode ? { serverResponseCode } : {}),
});
const destination = { side: 'destination' as const, host: 'outlook.office365.com', port: 993, user: 'ann' };

describe("a server's slow-down replies", () => {
  it("reads Microsoft 365's suggested back-off, from its words or from imapflow's ETHROTTLE", () => {
    expect(throttleReplyOf(no('Request is throttled. Suggested Backoff Time: 12345 milliseconds'))).toEqual({
      byMicrosoft: true,
      suggestedMs: 12345,
      waitedMs: 0,
    });
    expect(
      throttleReplyOf({
        code: 'ETHROTTLE',
        responseText: 'Request is throttled. Suggested Backoff Time: 299609 milliseconds',
        throttleReset: 299609,
        throttleWaited: 60000,
      }),
    ).toEqual({ byMicrosoft: true, suggestedMs: 299609, waitedMs: 60000 });
  });

  it('takes "Server Unavailable. 15" and RFC 5530 UNAVAILABLE as slow-downs without a suggestion', () => {
    expect(throttleReplyOf(no('Server Unavailable. 15'))).toEqual({
      byMicrosoft: true,
      suggestedMs: null,
      waitedMs: 0,
    });
    expect(throttleReplyOf(no('Try again later', 'UNAVAILABLE'))).toMatchObject({ byMicrosoft: false });
  });

  it('is not a size refusal, a quota or another refusal', () => {
    expect(throttleReplyOf(no('Message size exceeding limit', 'TOOBIG'))).toBeNull();
    expect(throttleReplyOf(no('Quota exceeded', 'OVERQUOTA'))).toBeNull();
    expect(throttleReplyOf(no('Mailbox does not exist', 'NONEXISTENT'))).toBeNull();
    expect(throttleReplyOf(new Error('odd'))).toBeNull();
  });
});

describe('a throttled account', () => {
  it('names Microsoft 365, waits what is left of its suggestion, and says the whole wait', () => {
    const error = classifyError(
      {
        code: 'ETHROTTLE',
        responseText: 'Request is throttled.',
        throttleReset: 12000,
        throttleWaited: 2000,
      },
      destination,
    );
    expect(error).toMatchObject({
      code: 'throttled',
      transient: true,
      message: 'Microsoft 365 (the new server, outlook.office365.com) asked Cutover to slow down.',
      backoff: { suggestedMs: 12000, remainingMs: 10000 },
    });
    const next = nextTry(DEFAULT_RETRY, error, 1, 0.5);
    expect(next.delay).toBe(10000);
    expect(next.message).toMatch(
      /^Microsoft 365 \(the new server, outlook\.office365\.com\) asked Cutover to slow down; waiting 12 s \(next try at \d\d:\d\d:\d\d\), then carrying on where it stopped\.$/,
    );
  });

  it("waits the policy's back-off when the server names no time", () => {
    const error = classifyError(no('Server Unavailable. 15'), destination);
    expect(error).toMatchObject({ code: 'throttled', transient: true, backoff: null });
    const policy = { attempts: 3, baseDelayMs: 4000, maxDelayMs: 8000 };
    expect(nextTry(policy, error, 1, 0).delay).toBe(2000);
    expect(nextTry(policy, error, 1, 0).message).toMatch(/slow down; waiting 2 s/);
  });

  it('takes a suggestion of hours only up to 30 minutes', () => {
    const error = classifyError(
      no('Request is throttled. Suggested Backoff Time: 9000000 milliseconds'),
      destination,
    );
    expect(nextTry(DEFAULT_RETRY, error, 1, 0).delay).toBe(30 * 60_000);
  });
});
