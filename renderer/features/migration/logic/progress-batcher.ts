// Main sends a few progress events a second per account; with hundreds of accounts that is
// more than the screen needs. The batcher collects them and hands them over at most once per
// animation frame, keeping only the latest event per job, account and folder of each run.
import type { Progress } from '../../../../preload/contract.ts';

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export interface ProgressBatcher {
  push(event: Progress): void;
  /** Hands over what is pending now (before a snapshot replaces the state, for one). */
  flush(): void;
  /** Drops what is pending and stops. */
  dispose(): void;
}

/** The key under which a newer event replaces an older one. */
export function progressKey(event: Progress): string {
  switch (event.kind) {
    case 'job':
      return `${event.runId}|${event.jobId}|job`;
    case 'account':
      return `${event.runId}|${event.jobId}|a|${event.account}`;
  }
}

/** Keeps the latest event per key, in the order the keys were first seen. */
export function coalesce(events: Iterable<Progress>): Progress[] {
  const latest = new Map<string, Progress>();
  for (const event of events) latest.set(progressKey(event), event);
  return [...latest.values()];
}

/** Hands `apply` the pending events once per frame of `frames` (the browser's animation frames, in the app). */
export function createProgressBatcher(
  apply: (events: Progress[]) => void,
  frames: FrameScheduler,
): ProgressBatcher {
  let pending = new Map<string, Progress>();
  let handle: number | null = null;
  let disposed = false;

  const flush = () => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
    if (pending.size === 0) return;
    const events = [...pending.values()];
    pending = new Map();
    apply(events);
  };

  return {
    push(event) {
      if (disposed) return;
      pending.set(progressKey(event), event);
      if (handle === null)
        handle = frames.request(() => {
          handle = null;
          flush();
        });
    },
    flush,
    dispose() {
      disposed = true;
      if (handle !== null) frames.cancel(handle);
      handle = null;
      pending = new Map();
    },
  };
}
