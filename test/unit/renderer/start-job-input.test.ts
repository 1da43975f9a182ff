import { describe, expect, it } from 'vitest';
import {
  describeBatches,
  planBatches,
  readAccountList,
  withoutLines,
} from '../../../renderer/features/migration/logic/user-batches.ts';
import { sortStartProblems } from '../../../renderer/features/migration/logic/start-problems.ts';
import { normaliseFingerprint } from '../../../renderer/features/servers/logic/server-options.ts';

const list = (count: number, header = false) =>
  [header ? 'username,password' : null, ...Array.from({ length: count }, (_, i) => `user${i + 1},pw${i + 1}`)]
    .filter((line) => line !== null)
    .join('\n');

describe('batches of at most 500 accounts', () => {
  it('counts accounts as main does: no blank lines, comments or header', () => {
    expect(
      readAccountList('username,password\n\nann,a\n# later\nbob,b\n').accounts.map((l) => l.number),
    ).toEqual([3, 5]);
  });

  it('splits 1,203 accounts into three batches and says so', () => {
    const batches = planBatches(list(1203));
    expect(batches.map((b) => [b.first, b.last])).toEqual([
      [1, 500],
      [501, 1000],
      [1001, 1203],
    ]);
    expect(describeBatches(batches)).toBe(
      'Batch 1: accounts 1–500, batch 2: 501–1,000, batch 3: 1,001–1,203.',
    );
  });

  it('keeps the header and the pasted line numbers in every batch', () => {
    const [, second] = planBatches(list(600, true));
    const lines = second!.users.split('\n');
    expect(lines[0]).toBe('username,password');
    // Account 501 is on line 502 of the paste (after the header), and stays there.
    expect(lines[501]).toBe('user501,pw501');
    expect(lines.filter(Boolean)).toHaveLength(101);
    expect(second!.lineNumbers[0]).toBe(502);
  });

  it('takes started lines out and renumbers the rest', () => {
    const rest = withoutLines('a,1\nb,2\nc,3\nd,4', new Set([1, 2]));
    expect(rest.text).toBe('c,3\nd,4');
    expect(rest.moved(4)).toBe(2);
  });
});

describe('sortStartProblems', () => {
  it('gives each field the lines main listed for it', () => {
    const problems = sortStartProblems({
      code: 'invalid-arguments',
      message:
        'The job was not started. Fix these and try again:\n  users: line 2: "bob" has no password; write it as username,password.\n  users: line 5: "ann" is already on line 1; list each account once.\n  skip list: line 1: no folder is named.\n  destination admin: the admin password is missing.',
    });
    expect(problems.byField.users).toEqual([
      'Line 2: "bob" has no password; write it as username,password.',
      'Line 5: "ann" is already on line 1; list each account once.',
    ]);
    expect(problems.byField.skip).toEqual(['Line 1: no folder is named.']);
    expect(problems.byField.admin).toEqual(['The admin password is missing.']);
    expect(problems.fields).toEqual(['admin', 'users', 'skip']);
  });

  it('renumbers users lines for a list whose first batches already started', () => {
    const problems = sortStartProblems(
      {
        code: 'invalid-arguments',
        message:
          'The job was not started. Fix these and try again:\n  users: line 742: "x" is already on line 741; list each account once.',
      },
      (line) => line - 500,
    );
    expect(problems.byField.users).toEqual(['Line 242: "x" is already on line 241; list each account once.']);
  });

  it('puts a schema error on the field its path names', () => {
    const problems = sortStartProblems({
      code: 'invalid-arguments',
      field: 'source.trustedFingerprint',
      message: 'jobs.start: source.trustedFingerprint: a SHA-256 fingerprint is 64 hexadecimal digits',
    });
    expect(problems.byField.sourceTrust).toEqual(['A SHA-256 fingerprint is 64 hexadecimal digits.']);
  });

  it('keeps other errors for the top of the form', () => {
    expect(sortStartProblems({ code: 'disconnected', message: 'Lost the connection.' }).general).toEqual([
      'Lost the connection.',
    ]);
  });
});

describe('normaliseFingerprint', () => {
  const hex = 'ab'.repeat(32);
  const colons = 'AB:'.repeat(31) + 'AB';
  it('accepts the ways people paste one', () => {
    expect(normaliseFingerprint(hex)).toBe(colons);
    expect(normaliseFingerprint(`sha256 Fingerprint=${colons}`)).toBe(colons);
    expect(normaliseFingerprint(` ${hex.replace(/(..)/g, '$1 ')} `)).toBe(colons);
    expect(normaliseFingerprint('not one')).toBe('not one');
  });
});
