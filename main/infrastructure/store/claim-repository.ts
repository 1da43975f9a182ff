import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** This process, as claims name it: a pid can be reused by a later process, this token not. */
const PROCESS_TOKEN = randomUUID();

/**
 * How long a claim of a process on another host may go without a heartbeat, measured by the
 * waiter's own monotonic clock, before it counts as abandoned. A process on this host is asked
 * directly (is that pid, started then, still there?), so a frozen or sleeping owner keeps its
 * claim however long it sleeps.
 */
export const CLAIM_STALE_MS = 120_000;

/** What another process asked a job's owner to do. */
export type StopRequest = 'pause' | 'cancel';

export interface ClaimHolder {
  pid: number;
  hostname: string;
  run: string;
  /** The holder is this process. */
  ours: boolean;
}

export interface ClaimRepository {
  /** Takes `resource` for `run` unless a live owner holds it; true when taken. */
  claim(resource: string, run: string): boolean;
  /**
   * Beats the heartbeat of a held claim. `held: false` when it is no longer ours (taken over
   * after it looked abandoned): the owner must stop before writing anything more.
   */
  refresh(resource: string, run: string): { held: boolean; stopRequest: StopRequest | null };
  /** Whether `run` still holds `resource` (a read, cheap enough before every batch). */
  holds(resource: string, run: string): boolean;
  release(resource: string, run: string): void;
  /** The live owner of `resource`, or null when it is free or its owner is gone. */
  liveHolder(resource: string): ClaimHolder | null;
  /** Asks the owner of `resource` (whatever process) to pause or stop; false when nobody holds it. */
  requestStop(resource: string, request: StopRequest): boolean;
}

interface ClaimRow {
  pid: number;
  process_started: string | null;
  hostname: string;
  process_token: string;
  run: string;
  beat: number;
  stop_request: StopRequest | null;
}

export interface ClaimEnvironment {
  /** Monotonic milliseconds (does not jump with the wall clock). */
  monotonic(): number;
  /** Wall-clock milliseconds, recorded for people reading the table. */
  wallClock(): number;
  /** Whether `pid`, started at `started` (when known), is still running on this host. */
  processAlive(pid: number, started: string | null): boolean;
  hostname: string;
  pid: number;
  processStarted: string | null;
  staleMs: number;
}

export const systemClaimEnvironment = (): ClaimEnvironment => ({
  monotonic: () => performance.now(),
  wallClock: Date.now,
  processAlive: isProcessAlive,
  hostname: hostname(),
  pid: process.pid,
  processStarted: processStartTime(process.pid),
  // Tests shorten it to show that a frozen owner on this host keeps its claim regardless.
  staleMs: Number(process.env['CUTOVER_CLAIM_STALE_MS']) || CLAIM_STALE_MS,
});

export function createClaimRepository(
  db: Database,
  env: ClaimEnvironment = systemClaimEnvironment(),
  token: string = PROCESS_TOKEN,
): ClaimRepository {
  const select = db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE resource = ?');
  const upsert = db.prepare(
    `INSERT INTO claims (resource, pid, process_started, hostname, process_token, run, beat, refreshed_at)
     VALUES (@resource, @pid, @started, @hostname, @token, @run, 0, @now)
     ON CONFLICT (resource) DO UPDATE SET pid = excluded.pid, process_started = excluded.process_started,
       hostname = excluded.hostname, process_token = excluded.process_token, run = excluded.run,
       beat = claims.beat + 1, refreshed_at = excluded.refreshed_at, stop_request = NULL`,
  );
  const beat = db.prepare(
    `UPDATE claims SET beat = beat + 1, refreshed_at = ? WHERE resource = ? AND process_token = ? AND run = ?
     RETURNING stop_request`,
  );
  const owned = db.prepare<[string, string, string], { one: number }>(
    'SELECT 1 AS one FROM claims WHERE resource = ? AND process_token = ? AND run = ?',
  );
  const remove = db.prepare('DELETE FROM claims WHERE resource = ? AND process_token = ? AND run = ?');
  const askStop = db.prepare('UPDATE claims SET stop_request = ? WHERE resource = ?');
  // The last heartbeat seen of each claim held elsewhere, and when (this process's monotonic clock).
  const watched = new Map<string, { token: string; beat: number; since: number }>();

  const isLive = (resource: string, held: ClaimRow): boolean => {
    if (held.process_token === token) return true;
    if (held.hostname === env.hostname) return env.processAlive(held.pid, held.process_started);
    const seen = watched.get(resource);
    const now = env.monotonic();
    if (!seen || seen.token !== held.process_token || seen.beat !== held.beat) {
      watched.set(resource, { token: held.process_token, beat: held.beat, since: now });
      return true;
    }
    return now - seen.since < env.staleMs;
  };
  // IMMEDIATE: two processes deciding at once cannot both see the resource free.
  const claim = db.transaction((resource: string, run: string): boolean => {
    const held = select.get(resource);
    if (held && isLive(resource, held)) return false;
    upsert.run({
      resource,
      pid: env.pid,
      started: env.processStarted,
      hostname: env.hostname,
      token,
      run,
      now: env.wallClock(),
    });
    watched.delete(resource);
    return true;
  });

  return {
    claim: (resource, run) => claim.immediate(resource, run),
    refresh(resource, run) {
      const row = beat.get(env.wallClock(), resource, token, run) as
        { stop_request: StopRequest | null } | undefined;
      return { held: row !== undefined, stopRequest: row?.stop_request ?? null };
    },
    holds: (resource, run) => owned.get(resource, token, run) !== undefined,
    release: (resource, run) => void remove.run(resource, token, run),
    liveHolder(resource) {
      const held = select.get(resource);
      if (!held || !isLive(resource, held)) return null;
      return { pid: held.pid, hostname: held.hostname, run: held.run, ours: held.process_token === token };
    },
    requestStop: (resource, request) => askStop.run(request, resource).changes > 0,
  };
}

/** The process's start time as Linux counts it (clock ticks since boot), or null elsewhere. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22, starttime
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number, started: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The same pid started at another time is a later process that reused the number.
  return started === null || processStartTime(pid) === started;
}
