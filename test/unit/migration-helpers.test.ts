import { describe, expect, it } from 'vitest';
import { createByteBudget } from '../../main/engine/migration/byte-budget.ts';
import { createKeyedLimiter } from '../../main/engine/migration/keyed-limiter.ts';
import { createThrottle } from '../../main/engine/migration/progress-throttle.ts';
import { backoffDelay } from '../../main/engine/migration/retry-policy.ts';
import { messageKey } from '../../main/engine/migration/message-key.ts';
import { classifyError } from '../../main/engine/migration/migration-error.ts';
import { dateOf, uidNumber } from '../../main/engine/migration/pop3-source-folder.ts';
import { uidRanges } from '../../main/engine/migration/flag-sync.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('byte budget', () => {
  it('holds back a request that does not fit until enough is released, in order', async () => {
    const budget = createByteBudget(100);
    const first = await budget.acquire(60);
    const order: string[] = [];
    const second = budget.acquire(50).then((release) => (order.push('second'), release));
    const third = budget.acquire(10).then((release) => (order.push('third'), release));
    await tick();
    expect(order).toEqual([]); // third would fit, but does not jump the queue
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(budget.inUse).toBe(0);
  });

  it('lets messages larger than the whole budget through one at a time, beside the budget', async () => {
    const budget = createByteBudget(100);
    const small = await budget.acquire(90);
    // Not held back by what the others hold: the others carry on while it crosses.
    const release = await budget.acquire(250, true);
    expect(budget.inUse).toBe(340);
    const order: string[] = [];
    const second = budget.acquire(300, true).then((r) => (order.push('second oversize'), r));
    const more = budget.acquire(10).then((r) => (order.push('small'), r));
    await tick();
    expect(order).toEqual(['small']); // the budget still had room; the second oversize waits
    release();
    (await second)();
    small();
    (await more)();
    expect(order).toEqual(['small', 'second oversize']);
    expect(budget.inUse).toBe(0);
  });

  it('lets one large message through at a time, whatever room is left', async () => {
    const budget = createByteBudget(100);
    const first = await budget.acquire(30, true);
    const order: string[] = [];
    const second = budget.acquire(30, true).then((release) => (order.push('large'), release));
    await tick();
    expect(order).toEqual([]);
    expect(budget.inUse).toBe(30);
    first();
    first(); // a second release changes nothing
    (await second)();
    expect(order).toEqual(['large']);
    expect(budget.inUse).toBe(0);
  });
});

describe('connections per server', () => {
  it('never lets more than the cap onto one host', async () => {
    const limiter = createKeyedLimiter(2);
    const a = await limiter.acquire(['old.example', 'new.example']);
    await limiter.acquire(['old.example', 'new.example']);
    let third = false;
    const pending = limiter.acquire(['OLD.example', 'other.example']).then((r) => ((third = true), r));
    await tick();
    expect(third).toBe(false);
    a();
    await pending;
    expect(third).toBe(true);
  });
});

describe('progress throttle', () => {
  it('sends the first value at once and then only the latest, at most once per interval per key', () => {
    let now = 0;
    const sent: number[] = [];
    const throttle = createThrottle<number>(
      100,
      (v) => sent.push(v),
      () => now,
    );
    throttle.push('a', 1);
    throttle.push('a', 2);
    throttle.push('a', 3);
    expect(sent).toEqual([1]);
    now = 150;
    throttle.flush();
    expect(sent).toEqual([1, 3]);
  });
});

describe('retry back-off', () => {
  it('doubles from the base, stays within half to all of the ceiling, and is capped', () => {
    const policy = { attempts: 6, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffDelay(policy, 1, 0)).toBe(500);
    expect(backoffDelay(policy, 1, 0.999)).toBe(1000);
    expect(backoffDelay(policy, 3, 0)).toBe(2000);
    expect(backoffDelay(policy, 10, 0.999)).toBe(7996);
  });
});

describe('message key', () => {
  it('is the Message-ID and size, ignoring folding and case of the field name', () => {
    expect(messageKey(Buffer.from('MESSAGE-ID:\r\n <a@b>\r\n'), 10)).toBe('id:<a@b>|10');
    expect(messageKey(Buffer.from('Message-ID: <a@b>\r\n'), 11)).not.toBe(
      messageKey(Buffer.from('Message-ID: <a@b>\r\n'), 10),
    );
  });

  it('hashes the stable headers when there is no Message-ID', () => {
    const a = messageKey(
      Buffer.from('Subject: Hi\r\nFrom: x@y\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n'),
      5,
    );
    const sameFolded = messageKey(
      Buffer.from('Subject:   Hi\r\nFrom: x@y\r\nDate: Mon, 1 Jan 2024\r\n 00:00:00 +0000\r\n'),
      5,
    );
    const other = messageKey(
      Buffer.from('Subject: Hello\r\nFrom: x@y\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n'),
      5,
    );
    expect(a).toMatch(/^h:[\w-]{32}\|5$/);
    expect(sameFolded).toBe(a);
    expect(other).not.toBe(a);
  });
});

describe('POP3 identity and dates', () => {
  it('turns unique ids into distinct safe integers that are never 0', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uidNumber(`UID${i}`));
    expect(new Set(ids).size).toBe(2000);
    expect(ids.every((n) => Number.isSafeInteger(n) && n > 0)).toBe(true);
    expect(uidNumber('same')).toBe(uidNumber('same'));
  });

  it('dates a message by its Date header, else its newest Received line', () => {
    expect(dateOf(Buffer.from('Date: Tue, 3 Mar 2020 04:05:06 +0100\r\n'))?.toISOString()).toBe(
      '2020-03-03T03:05:06.000Z',
    );
    const received =
      'Received: from a by b; Wed, 4 Mar 2020 10:00:00 +0000\r\nReceived: from c by a; Wed, 4 Mar 2020 09:00:00 +0000\r\n';
    expect(dateOf(Buffer.from(received))?.toISOString()).toBe('2020-03-04T10:00:00.000Z');
    expect(dateOf(Buffer.from('Subject: none\r\n'))).toBeNull();
  });
});

describe('error words', () => {
  const context = { side: 'source' as const, host: 'mail.old.example', port: 993, user: 'ann' };
  it('tells which server refused which password', () => {
    expect(classifyError({ authenticationFailed: true }, context)).toMatchObject({
      code: 'source-auth-failed',
      transient: false,
    });
    expect(
      classifyError({ authenticationFailed: true }, { ...context, side: 'destination' }).message,
    ).toMatch(/create the account on the new server first/);
  });

  it('retries what may pass, and not what will not', () => {
    expect(classifyError({ code: 'ECONNRESET' }, context)).toMatchObject({
      code: 'connection-dropped',
      transient: true,
    });
    expect(classifyError({ code: 'ETIMEOUT' }, context)).toMatchObject({ code: 'timeout', transient: true });
    expect(classifyError({ code: 'ETHROTTLE' }, context)).toMatchObject({
      code: 'throttled',
      transient: true,
    });
    expect(classifyError({ code: 'ENOTFOUND' }, context)).toMatchObject({
      code: 'host-not-found',
      transient: false,
    });
    expect(classifyError({ serverResponseCode: 'OVERQUOTA' }, context)).toMatchObject({
      code: 'over-quota',
      transient: false,
    });
    expect(classifyError({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, context)).toMatchObject({
      code: 'certificate-untrusted',
    });
    expect(classifyError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, context)).toMatchObject({
      code: 'certificate-mismatch',
    });
    expect(classifyError(new Error('odd'), context)).toMatchObject({ code: 'internal', transient: false });
  });
});

describe('UID sets for a flag STORE', () => {
  it('names consecutive UIDs as ranges, in order, each once', () => {
    expect(uidRanges([9, 3, 5, 6, 7, 7])).toBe('3,5:7,9');
    expect(uidRanges([1])).toBe('1');
    expect(uidRanges(Array.from({ length: 10_000 }, (_, i) => i + 1))).toBe('1:10000');
  });
});
