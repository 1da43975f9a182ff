import { describe, expect, it } from 'vitest';
import {
  FAR_LOGINS_MS,
  inLanes,
  lanesWorthOpening,
  openLanes,
} from '../../main/engine/migration/folder-lanes.ts';
import type { FolderLane, LaneConnections } from '../../main/engine/migration/folder-lanes.ts';
import type { DestinationMailbox } from '../../main/engine/migration/destination-folder.ts';

const lane = (name: string): LaneConnections => ({
  source: null,
  destination: { name } as unknown as DestinationMailbox,
});
const nameOf = (l: FolderLane) => (l.destination as unknown as { name: string }).name;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('folder lanes', () => {
  it('starts the first lane at once and the second when its logins are done', async () => {
    let opened: (connections: LaneConnections) => void = () => {};
    const lanes = openLanes({
      first: lane('first'),
      count: 2,
      open: () => new Promise((resolve) => (opened = resolve)),
    });
    const started: string[] = [];
    const done = inLanes(lanes, new AbortController().signal, async (l) => {
      started.push(nameOf(l));
    });
    await tick();
    expect(started).toEqual(['first']);
    opened(lane('second'));
    await done;
    expect(started).toEqual(['first', 'second']);
  });

  it('goes on with one lane when the servers refuse the second pair of connections', async () => {
    const lanes = openLanes({
      first: lane('first'),
      count: 2,
      open: () => Promise.reject(new Error('Maximum number of connections from user+IP exceeded')),
    });
    const started: string[] = [];
    await inLanes(lanes, new AbortController().signal, async (l) => void started.push(nameOf(l)));
    expect(started).toEqual(['first']);
    expect(openLanes({ first: lane('first'), count: 1, open: () => Promise.reject() })).toHaveLength(1);
  });

  it('stops the other lane when one fails, and throws the first failure', async () => {
    const lanes = openLanes({ first: lane('first'), count: 2, open: async () => lane('second') });
    let secondSawStop = false;
    const run = inLanes(lanes, new AbortController().signal, async (l) => {
      if (nameOf(l) === 'first') {
        await tick();
        throw new Error('connection dropped');
      }
      while (!l.signal.aborted) await tick();
      secondSawStop = true;
      throw new Error('stopped by its sibling');
    });
    await expect(run).rejects.toThrow('connection dropped');
    expect(secondSawStop).toBe(true);
  });

  it('passes the job’s stop to every lane', async () => {
    const job = new AbortController();
    const lanes = openLanes({ first: lane('first'), count: 2, open: async () => lane('second') });
    const stopped: string[] = [];
    const run = inLanes(lanes, job.signal, async (l) => {
      while (!l.signal.aborted) await tick();
      stopped.push(nameOf(l));
    });
    await tick();
    job.abort();
    await run;
    expect(stopped.sort()).toEqual(['first', 'second']);
  });
});

describe('how many lanes are worth their logins', () => {
  it('on a first copy of two folders or more with 200 messages between them: three far away, two near', () => {
    expect(lanesWorthOpening([150, 50], 0, FAR_LOGINS_MS)).toBe(3);
    expect(lanesWorthOpening([150, 50], 0, FAR_LOGINS_MS - 1)).toBe(2);
    expect(lanesWorthOpening([150, 49], 0, FAR_LOGINS_MS)).toBe(1);
    expect(lanesWorthOpening([5000], 0, FAR_LOGINS_MS)).toBe(1);
  });

  it('on a re-run: two, for three folders or more changed since the last sync', () => {
    expect(lanesWorthOpening([], 3, FAR_LOGINS_MS)).toBe(2);
    expect(lanesWorthOpening([], 2)).toBe(1);
    expect(lanesWorthOpening([], 0)).toBe(1);
  });

  it('opens as many pairs as asked, never more than the most an account may have', () => {
    let opened = 0;
    const open = async () => lane(`extra ${++opened}`);
    expect(openLanes({ first: lane('first'), count: 3, open })).toHaveLength(3);
    expect(openLanes({ first: lane('first'), count: 9, open })).toHaveLength(3);
    expect(openLanes({ first: lane('first'), count: 0, open })).toHaveLength(1);
    expect(opened).toBe(4);
  });
});
