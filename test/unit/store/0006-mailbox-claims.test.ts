import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/store/migrate.ts';
import {
  CLAIM_STALE_MS,
  createMailboxClaimRepository,
} from '../../../main/store/mailbox-claim-repository.ts';

function database() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, 5);
  migrate(db, 6);
  expect(schemaVersion(db)).toBe(6);
  return db;
}

describe('migration 0006-mailbox-claims: one run per destination mailbox', () => {
  it('lets one run hold a mailbox until it lets go; other mailboxes stay free', () => {
    const claims = createMailboxClaimRepository(database(), () => 1_000_000);
    expect(claims.claim('mail.new:993/ann', 'job1/1')).toBe(true);
    expect(claims.claim('mail.new:993/ann', 'job2/1')).toBe(false);
    expect(claims.claim('mail.new:993/bob', 'job2/2')).toBe(true);
    claims.release('mail.new:993/ann', 'job2/1'); // not its claim: nothing happens
    expect(claims.claim('mail.new:993/ann', 'job2/1')).toBe(false);
    claims.release('mail.new:993/ann', 'job1/1');
    expect(claims.claim('mail.new:993/ann', 'job2/1')).toBe(true);
  });

  it('takes over a claim its holder stopped refreshing, but not one kept fresh', () => {
    let now = 1_000_000;
    const claims = createMailboxClaimRepository(database(), () => now);
    expect(claims.claim('m', 'a')).toBe(true);
    now += CLAIM_STALE_MS - 1;
    claims.refresh('m', 'a');
    now += CLAIM_STALE_MS - 1;
    expect(claims.claim('m', 'b')).toBe(false);
    now += 2;
    expect(claims.claim('m', 'b')).toBe(true);
  });

  it('takes over a fresh claim of another process only when that process is gone', () => {
    const db = database();
    db.prepare(
      `INSERT INTO mailbox_claims (mailbox, pid, process_token, run, refreshed_at) VALUES ('m', 4242, 'other', 'x', 1000000)`,
    ).run();
    const alive = createMailboxClaimRepository(
      db,
      () => 1_000_001,
      (pid) => pid === 4242,
    );
    expect(alive.claim('m', 'mine')).toBe(false);
    const gone = createMailboxClaimRepository(
      db,
      () => 1_000_001,
      () => false,
    );
    expect(gone.claim('m', 'mine')).toBe(true);
    expect(db.prepare('SELECT pid, run FROM mailbox_claims').all()).toEqual([
      { pid: process.pid, run: 'mine' },
    ]);
  });
});
