import { describe, expect, it } from 'vitest';
import { createJobTally } from '../../main/engine/migration/job-tally.ts';

describe('a job tally', () => {
  it('keeps the sums of its accounts as they change', () => {
    const tally = createJobTally([
      [1, { done: 10, total: 10, bytes: 0, status: 'done' }],
      [2, { done: 0, total: 0, bytes: 0, status: 'queued' }],
      [3, { done: 0, total: 5, bytes: 0, status: 'queued' }],
    ]);
    expect(tally.totals()).toEqual({ done: 10, total: 15, bytes: 0, finished: 1, accounts: 3 });
    tally.set(2, { status: 'running', total: 40, done: 12, bytes: 1200 });
    tally.set(2, { done: 30, bytes: 3000 });
    tally.set(3, { status: 'failed', done: 2 });
    expect(tally.totals()).toEqual({ done: 42, total: 55, bytes: 3000, finished: 2, accounts: 3 });
    tally.set(2, { status: 'done', done: 40 });
    expect(tally.totals()).toEqual({ done: 52, total: 55, bytes: 3000, finished: 3, accounts: 3 });
    expect(tally.get(2)).toEqual({ done: 40, total: 40, bytes: 3000, status: 'done' });
  });
});
