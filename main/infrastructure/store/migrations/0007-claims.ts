import type { Migration } from './migration.ts';

/**
 * Who is doing what now, across processes on one database: a running job (`job:ID`) and a
 * destination mailbox being written (`mailbox:HOST/LOGIN`) each have at most one claim. A claim
 * names its owner (pid, the process's start time where the system tells it, the host, a token
 * no other process has) and carries a heartbeat counter: a waiter on another host judges it
 * stale by its own monotonic clock, never by comparing wall clocks that jump when a laptop
 * wakes. `stop_request` lets any process ask a job's owner to pause or stop it.
 *
 * Mailbox identities become case-insensitive in the login, as the lock always was: the ledger
 * and the lock now name a mailbox with one function.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'claims',
  up: `
    DROP TABLE mailbox_claims;
    CREATE TABLE claims (
      resource TEXT PRIMARY KEY,
      pid INTEGER NOT NULL,
      process_started TEXT,
      hostname TEXT NOT NULL,
      process_token TEXT NOT NULL,
      run TEXT NOT NULL,
      beat INTEGER NOT NULL DEFAULT 0,
      refreshed_at INTEGER NOT NULL,
      stop_request TEXT
    );

    UPDATE OR IGNORE ledger SET source_account = lower(source_account),
      destination_account = lower(destination_account);
    UPDATE OR IGNORE folder_sync_state SET source_account = lower(source_account),
      destination_account = lower(destination_account);
  `,
};
