import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../preload/contract.ts';
import {
  coalesce,
  createProgressBatcher,
} from '../../../renderer/features/migration/logic/progress-batcher.ts';
import type { FrameScheduler } from '../../../renderer/features/migration/logic/progress-batcher.ts';

/** Animation frames the test runs by hand. */
function manualFrames(): FrameScheduler & { run(): void; pending(): number } {
  let callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    request(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancel(handle) {
      callbacks.delete(handle);
    },
    run() {
      const due = callbacks;
      callbacks = new Map();
      for (const callback of due.values()) callback();
    },
    pending: () => callbacks.size,
  };
}

const account = (name: string, done: number, runId = 'r1'): Progress => ({
  kind: 'account',
  runId,
  jobId: 1,
  folder: null,
  account: name,
  status: 'running',
  messagesDone: done,
  messagesTotal: 100,
  bytesDone: 0,
});

describe('progress batching', () => {
  it('hands over the events of a frame at once, one frame for any number of events', () => {
    const frames = manualFrames();
    const batches: Progress[][] = [];
    const batcher = createProgressBatcher((events) => batches.push(events), frames);
    for (let i = 0; i < 500; i++) batcher.push(account(`user${i}`, 1));
    expect(frames.pending()).toBe(1);
    expect(batches).toEqual([]);
    frames.run();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(500);
    frames.run();
    expect(batches).toHaveLength(1);
  });

  it('keeps only the latest event per account within a frame, in first-seen order', () => {
    const frames = manualFrames();
    const batches: Progress[][] = [];
    const batcher = createProgressBatcher((events) => batches.push(events), frames);
    batcher.push(account('ann', 1));
    batcher.push(account('bob', 1));
    batcher.push(account('ann', 2));
    batcher.push(account('ann', 3));
    frames.run();
    expect(batches[0]!.map((e) => [e.kind === 'account' && e.account, e.messagesDone])).toEqual([
      ['ann', 3],
      ['bob', 1],
    ]);
  });

  it('keeps events of different runs apart', () => {
    expect(coalesce([account('ann', 5, 'r1'), account('ann', 0, 'r2'), account('ann', 1, 'r2')])).toEqual([
      account('ann', 5, 'r1'),
      account('ann', 1, 'r2'),
    ]);
  });

  it('flushes on demand (before a snapshot) and stops after dispose', () => {
    const frames = manualFrames();
    const batches: Progress[][] = [];
    const batcher = createProgressBatcher((events) => batches.push(events), frames);
    batcher.push(account('ann', 1));
    batcher.flush();
    expect(batches).toHaveLength(1);
    expect(frames.pending()).toBe(0);
    batcher.flush();
    expect(batches).toHaveLength(1);
    batcher.push(account('ann', 2));
    batcher.dispose();
    frames.run();
    batcher.push(account('ann', 3));
    frames.run();
    expect(batches).toHaveLength(1);
  });
});
