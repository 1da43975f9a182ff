import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import {
  createClaimRepository,
  processStartTime,
} from '../../../main/infrastructure/store/claim-repository.ts';
import type { ClaimEnvironment } from '../../../main/infrastructure/store/claim-repository.ts';

function database() {
  const db = new BetterSqlite3(':memory:');
  migrate(db);
  return db;
}

/** A process's view of the world: its clocks, its host, which other processes are alive. */
function environment(over: Partial<ClaimEnvironment> & { clock?: { mono: number; wall: number } } = {}) {
  const clock = over.clock ?? { mono: 0, wall: 1_000_000 };
  const env: ClaimEnvironment = {
    monotonic: () => clock.mono,
    wallClock: () => clock.wall,
    processAlive: () => true,
    hostname: 'laptop',
    pid: 100,
    processStarted: '5000',
    staleMs: 120_000,
    ...over,
  };
  return { env, clock };
}

describe('migration 0007-claims: who runs which job and writes which mailbox', () => {
  it('replaces the mailbox claims and makes the ledger name a mailbox case-insensitively', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 6);
    db.prepare(
      `INSERT INTO ledger (source_account, source_folder, uidvalidity, uid, destination_account, destination_folder,
         message_key, size, copied_at) VALUES ('old.test/Ann', 'INBOX', 1, 1, 'new.test/Ann', 'INBOX', 'k', 1, 't')`,
    ).run();
    migrate(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT source_account, destination_account FROM ledger').get()).toEqual({
      source_account: 'old.test/ann',
      destination_account: 'new.test/ann',
    });
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%claims'").all(),
    ).toEqual([{ name: 'claims' }]);
  });

  it('lets one run hold a resource until it lets go; other resources stay free', () => {
    const db = database();
    const a = createClaimRepository(db, environment().env, 'process-a');
    const b = createClaimRepository(db, environment({ pid: 200 }).env, 'process-b');
    expect(a.claim('job:1', 'run-a')).toBe(true);
    expect(b.claim('job:1', 'run-b')).toBe(false);
    expect(b.claim('job:2', 'run-b')).toBe(true);
    b.release('job:1', 'run-b'); // not its claim: nothing happens
    expect(a.holds('job:1', 'run-a')).toBe(true);
    expect(b.liveHolder('job:1')).toEqual({ pid: 100, hostname: 'laptop', run: 'run-a', ours: false });
    a.release('job:1', 'run-a');
    expect(b.liveHolder('job:1')).toBeNull();
    expect(b.claim('job:1', 'run-b')).toBe(true);
  });

  it('on one host, keeps the claim of a live owner however long it did not beat (a frozen or sleeping process)', () => {
    const db = database();
    const owner = createClaimRepository(db, environment().env, 'owner');
    const shared = { mono: 0, wall: 1_000_000 };
    const waiter = createClaimRepository(db, environment({ pid: 200, clock: shared }).env, 'waiter');
    expect(owner.claim('mailbox:new.test/ann', 'r1')).toBe(true);
    expect(waiter.claim('mailbox:new.test/ann', 'r2')).toBe(false);
    // A day later on both clocks, and no heartbeat: the owner is still there (SIGSTOP, or asleep).
    shared.mono += 86_400_000;
    shared.wall += 86_400_000;
    expect(waiter.claim('mailbox:new.test/ann', 'r2')).toBe(false);
    expect(owner.refresh('mailbox:new.test/ann', 'r1')).toEqual({ held: true, stopRequest: null });
  });

  it('on one host, takes over at once when the owner process is gone, or its pid now belongs to a later process', () => {
    const db = database();
    createClaimRepository(db, environment({ pid: 4242, processStarted: '7000' }).env, 'dead').claim(
      'job:1',
      'r1',
    );
    const asked: Array<[number, string | null]> = [];
    const sameHost = (alive: (pid: number, started: string | null) => boolean) =>
      createClaimRepository(
        db,
        environment({
          processAlive: (pid, started) => (asked.push([pid, started]), alive(pid, started)),
        }).env,
        'mine',
      );
    expect(sameHost(() => true).claim('job:1', 'r2')).toBe(false);
    expect(asked).toEqual([[4242, '7000']]);
    expect(sameHost(() => false).claim('job:1', 'r2')).toBe(true);
    expect(db.prepare('SELECT pid, run FROM claims').all()).toEqual([{ pid: 100, run: 'r2' }]);
  });

  it('for an owner on another host, waits until its heartbeat has not moved for the stale time on the waiter’s own clock', () => {
    const db = database();
    const owner = createClaimRepository(db, environment({ hostname: 'other-laptop' }).env, 'owner');
    const clock = { mono: 0, wall: 1_000_000 };
    // The waiter's wall clock jumps by days (it woke from sleep): that alone takes nothing over.
    const waiter = createClaimRepository(db, environment({ clock }).env, 'waiter');
    expect(owner.claim('job:1', 'r1')).toBe(true);
    expect(waiter.claim('job:1', 'r2')).toBe(false);
    clock.wall += 3 * 86_400_000;
    clock.mono += 100_000;
    expect(waiter.claim('job:1', 'r2')).toBe(false);
    owner.refresh('job:1', 'r1'); // a beat starts the count again
    expect(waiter.claim('job:1', 'r2')).toBe(false);
    clock.mono += 119_999;
    expect(waiter.claim('job:1', 'r2')).toBe(false);
    clock.mono += 2;
    expect(waiter.claim('job:1', 'r2')).toBe(true);
    // The old owner learns it on its next beat or check, and must stop writing.
    expect(owner.refresh('job:1', 'r1')).toEqual({ held: false, stopRequest: null });
    expect(owner.holds('job:1', 'r1')).toBe(false);
  });

  it('carries a pause or stop request from any process to the owner’s next heartbeat', () => {
    const db = database();
    const owner = createClaimRepository(db, environment().env, 'owner');
    const other = createClaimRepository(db, environment({ pid: 200 }).env, 'other');
    expect(other.requestStop('job:1', 'pause')).toBe(false); // nobody runs it
    owner.claim('job:1', 'r1');
    expect(other.requestStop('job:1', 'pause')).toBe(true);
    expect(owner.refresh('job:1', 'r1')).toEqual({ held: true, stopRequest: 'pause' });
    owner.release('job:1', 'r1');
    owner.claim('job:1', 'r2');
    expect(owner.refresh('job:1', 'r2')).toEqual({ held: true, stopRequest: null });
  });

  it('reads a process start time on Linux that tells this process from another', () => {
    const mine = processStartTime(process.pid);
    if (process.platform !== 'linux') return expect(mine).toBeNull();
    expect(mine).toMatch(/^\d+$/);
    expect(processStartTime(1)).not.toBe(mine);
    expect(processStartTime(2 ** 22 + 7)).toBeNull();
  });
});
