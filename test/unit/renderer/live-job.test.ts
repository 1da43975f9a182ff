import { describe, expect, it } from 'vitest';
import type { JobAccountResult, JobDetail, Progress } from '../../../preload/contract.ts';
import {
  applyProgress,
  liveJobFromDetail,
  newlyFinished,
  retireRun,
} from '../../../renderer/features/migration/logic/live-job.ts';
import { tileDetail } from '../../../renderer/features/migration/logic/tile-words.ts';

function account(username: string, patch: Partial<JobAccountResult> = {}): JobAccountResult {
  return {
    username,
    localUsername: username,
    status: 'queued',
    errorCode: null,
    errorMessage: null,
    messagesTotal: 0,
    copied: 0,
    skipped: 0,
    failed: 0,
    bytes: 0,
    folders: [],
    ...patch,
  };
}

function detail(accounts: JobAccountResult[], patch: Partial<JobDetail> = {}): JobDetail {
  const counts = { queued: 0, running: 0, done: 0, partial: 0, failed: 0 };
  for (const a of accounts) counts[a.status] += 1;
  return {
    id: 7,
    name: 'seven',
    projectId: 1,
    status: 'running',
    running: true,
    sourceHost: 'old.example',
    destinationHost: 'new.example',
    createdAt: '2030-03-04T09:00:00.000Z',
    finishedAt: null,
    accounts: counts,
    accountResults: accounts,
    ...patch,
  };
}

const accountEvent = (
  name: string,
  status: 'queued' | 'running' | 'done' | 'partial' | 'failed',
  done: number,
  total: number,
  runId = 'r1',
  folder: string | null = null,
): Progress => ({
  kind: 'account',
  runId,
  jobId: 7,
  account: name,
  status,
  folder,
  messagesDone: done,
  messagesTotal: total,
  bytesDone: done * 100,
});

const jobEvent = (done: number, total: number, runId = 'r1'): Progress => ({
  kind: 'job',
  runId,
  jobId: 7,
  status: 'running',
  running: true,
  accountsDone: 1,
  accountsTotal: 3,
  messagesDone: done,
  messagesTotal: total,
  bytesDone: done * 100,
  ratePerSecond: 12.5,
  etaSeconds: 30,
});

const start = () => liveJobFromDetail(detail([account('ann'), account('bob'), account('cat')]));

describe('liveJobFromDetail', () => {
  it('counts accounts per status and sums the finished numbers', () => {
    const job = liveJobFromDetail(
      detail(
        [
          account('ann', { status: 'done', messagesTotal: 5, copied: 4, skipped: 1 }),
          account('bob', { status: 'failed', errorCode: 'source-auth-failed' }),
          account('cat'),
        ],
        { running: false, status: 'partial' },
      ),
    );
    expect(job.order).toEqual(['ann', 'bob', 'cat']);
    expect(job.counts).toEqual({ queued: 1, running: 0, done: 1, partial: 0, failed: 1 });
    expect(job.totals).toMatchObject({
      accountsDone: 2,
      accountsTotal: 3,
      messagesDone: 5,
      messagesTotal: 5,
    });
    expect(job.accounts.bob!.errorCode).toBe('source-auth-failed');
  });

  it('keeps the live numbers of an account that is still running, and the run it follows', () => {
    const live = applyProgress(start(), [accountEvent('ann', 'running', 40, 100), jobEvent(40, 100)]);
    const again = liveJobFromDetail(
      detail([account('ann', { status: 'running' }), account('bob'), account('cat')]),
      live,
    );
    expect(again.accounts.ann).toMatchObject({ messagesDone: 40, messagesTotal: 100 });
    expect(again.runId).toBe('r1');
    expect(again.totals.ratePerSecond).toBe(12.5);
  });
});

describe('applyProgress', () => {
  it('applies a batch of events in order and keeps the status counts in step', () => {
    const job = applyProgress(start(), [
      accountEvent('ann', 'running', 0, 10),
      accountEvent('bob', 'running', 0, 4),
      accountEvent('ann', 'running', 6, 10),
      accountEvent('bob', 'done', 4, 4),
      jobEvent(10, 14),
    ]);
    expect(job.runId).toBe('r1');
    expect(job.running).toBe(true);
    expect(job.accounts.ann).toMatchObject({ status: 'running', messagesDone: 6, messagesTotal: 10 });
    expect(job.accounts.bob).toMatchObject({ status: 'done', messagesDone: 4 });
    expect(job.counts).toEqual({ queued: 1, running: 1, done: 1, partial: 0, failed: 0 });
    expect(job.totals).toMatchObject({
      messagesDone: 10,
      messagesTotal: 14,
      ratePerSecond: 12.5,
      etaSeconds: 30,
    });
  });

  it('leaves untouched accounts as the same objects, so their tiles do not re-render', () => {
    const before = start();
    const after = applyProgress(before, [accountEvent('ann', 'running', 1, 10)]);
    expect(after.accounts.bob).toBe(before.accounts.bob);
    expect(after.accounts.ann).not.toBe(before.accounts.ann);
  });

  it('returns the same job when no event is about it', () => {
    const before = applyProgress(start(), [accountEvent('ann', 'running', 1, 10)]);
    expect(applyProgress(before, [{ ...accountEvent('ann', 'done', 10, 10), jobId: 8 }])).toBe(before);
    expect(applyProgress(before, [accountEvent('zed', 'done', 1, 1)])).toBe(before);
    expect(applyProgress(before, [])).toBe(before);
  });

  it('notes the folder being copied and forgets it when the account ends', () => {
    const copying = applyProgress(start(), [accountEvent('ann', 'running', 2, 10, 'r1', 'Sent')]);
    expect(copying.accounts.ann!.currentFolder).toBe('Sent');
    expect(
      applyProgress(copying, [accountEvent('ann', 'done', 10, 10)]).accounts.ann!.currentFolder,
    ).toBeNull();
  });

  it('ignores late events of a retired run and follows the new one', () => {
    const first = applyProgress(start(), [accountEvent('cat', 'failed', 0, 0, 'r1')]);
    const retried = retireRun(first);
    expect(retried.runId).toBeNull();
    const second = applyProgress(retried, [
      accountEvent('cat', 'running', 0, 2, 'r2'),
      accountEvent('cat', 'failed', 0, 0, 'r1'), // late, from the old run
    ]);
    expect(second.runId).toBe('r2');
    expect(second.accounts.cat!.status).toBe('running');
    expect(second.counts.failed).toBe(0);
  });

  it('moves to a newer run seen without a retry here (another window), dropping the older one', () => {
    const first = applyProgress(start(), [jobEvent(1, 2, 'r1')]);
    const second = applyProgress(first, [jobEvent(0, 2, 'r2'), accountEvent('ann', 'done', 2, 2, 'r1')]);
    expect(second.runId).toBe('r2');
    expect(second.retiredRunIds).toEqual(['r1']);
    expect(second.accounts.ann!.status).toBe('queued');
  });

  it('names the accounts that have just finished, so their errors can be fetched', () => {
    const before = applyProgress(start(), [
      accountEvent('ann', 'running', 1, 2),
      accountEvent('bob', 'running', 0, 1),
    ]);
    const after = applyProgress(before, [
      accountEvent('ann', 'done', 2, 2),
      accountEvent('bob', 'running', 1, 1),
    ]);
    expect(newlyFinished(before, after)).toEqual(['ann']);
    expect(newlyFinished(after, after)).toEqual([]);
  });
});

describe('an account waiting for tomorrow’s upload quota', () => {
  it('is queued with the time it continues, until it runs again', () => {
    const job = liveJobFromDetail(detail([account('ann', { status: 'running' })]));
    const waiting = applyProgress(job, [
      {
        ...(accountEvent('ann', 'queued', 40, 100) as Extract<Progress, { kind: 'account' }>),
        waitingUntil: '2030-03-05T00:00:00.000Z',
      },
    ]);
    expect(waiting.accounts.ann).toMatchObject({
      status: 'queued',
      waitingUntil: '2030-03-05T00:00:00.000Z',
    });
    expect(tileDetail(waiting.accounts.ann!)).toMatch(
      /^Waiting for tomorrow’s upload quota: continues \w{3} \d\d:\d\d$/,
    );
    // A snapshot meanwhile keeps the time; the next day's run clears it.
    const snapshot = liveJobFromDetail(
      detail([account('ann', { status: 'queued', errorCode: 'daily-upload-limit', messagesTotal: 100 })]),
      waiting,
    );
    expect(snapshot.accounts.ann!.waitingUntil).toBe('2030-03-05T00:00:00.000Z');
    const nextDay = applyProgress(snapshot, [accountEvent('ann', 'running', 41, 100)]);
    expect(nextDay.accounts.ann!.waitingUntil).toBeNull();
    expect(tileDetail(nextDay.accounts.ann!)).toBe('41 of 100 messages');
  });
});
