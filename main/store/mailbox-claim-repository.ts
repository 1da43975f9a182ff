import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** This process, as claims name it: a pid can be reused by a later process, this token not. */
const PROCESS_TOKEN = randomUUID();

/** A claim not refreshed for this long belongs to a run that is gone (a frozen or killed process). */
export const CLAIM_STALE_MS = 120_000;

export interface MailboxClaimRepository {
  /** Takes the mailbox for `run` unless a live run holds it; true when taken. */
  claim(mailbox: string, run: string): boolean;
  /** Keeps a held claim fresh (the holder calls it every CLAIM_STALE_MS / 4). */
  refresh(mailbox: string, run: string): void;
  release(mailbox: string, run: string): void;
}

interface ClaimRow {
  pid: number;
  process_token: string;
  refreshed_at: number;
}

export function createMailboxClaimRepository(
  db: Database,
  now: () => number = Date.now,
  processAlive: (pid: number) => boolean = isAlive,
): MailboxClaimRepository {
  const select = db.prepare<[string], ClaimRow>(
    'SELECT pid, process_token, refreshed_at FROM mailbox_claims WHERE mailbox = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO mailbox_claims (mailbox, pid, process_token, run, refreshed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (mailbox) DO UPDATE SET pid = excluded.pid, process_token = excluded.process_token,
       run = excluded.run, refreshed_at = excluded.refreshed_at`,
  );
  const touch = db.prepare('UPDATE mailbox_claims SET refreshed_at = ? WHERE mailbox = ? AND run = ?');
  const remove = db.prepare('DELETE FROM mailbox_claims WHERE mailbox = ? AND run = ?');
  // IMMEDIATE: two processes deciding at once cannot both see the mailbox free.
  const claim = db.transaction((mailbox: string, run: string): boolean => {
    const held = select.get(mailbox);
    const live =
      held !== undefined &&
      now() - held.refreshed_at < CLAIM_STALE_MS &&
      (held.process_token === PROCESS_TOKEN || processAlive(held.pid));
    if (live) return false;
    upsert.run(mailbox, process.pid, PROCESS_TOKEN, run, now());
    return true;
  });
  return {
    claim: (mailbox, run) => claim.immediate(mailbox, run),
    refresh: (mailbox, run) => void touch.run(now(), mailbox, run),
    release: (mailbox, run) => void remove.run(mailbox, run),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
