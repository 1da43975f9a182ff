import type { AccountStatus } from '../../../preload/contract.ts';

/** One account's part of a job's progress. */
export interface AccountTally {
  done: number;
  total: number;
  bytes: number;
  status: AccountStatus;
}

export interface JobTally {
  /** Changes one account's figures; the job's sums move by the difference, nothing is re-added. */
  set(accountId: number, change: Partial<AccountTally>): AccountTally;
  get(accountId: number): AccountTally;
  totals(): { done: number; total: number; bytes: number; finished: number; accounts: number };
}

const finishedStatus = (status: AccountStatus) =>
  status === 'done' || status === 'partial' || status === 'failed';

/** A job's progress summed once per change, whatever the number of accounts. */
export function createJobTally(accounts: Iterable<[number, AccountTally]>): JobTally {
  const byAccount = new Map<number, AccountTally>();
  const sums = { done: 0, total: 0, bytes: 0, finished: 0 };
  const add = (tally: AccountTally, sign: 1 | -1) => {
    sums.done += sign * tally.done;
    sums.total += sign * tally.total;
    sums.bytes += sign * tally.bytes;
    sums.finished += sign * (finishedStatus(tally.status) ? 1 : 0);
  };
  for (const [id, tally] of accounts) {
    byAccount.set(id, { ...tally });
    add(tally, 1);
  }
  return {
    set(accountId, change) {
      const before = byAccount.get(accountId)!;
      const after = { ...before, ...change };
      add(before, -1);
      add(after, 1);
      byAccount.set(accountId, after);
      return after;
    },
    get: (accountId) => byAccount.get(accountId)!,
    totals: () => ({ ...sums, accounts: byAccount.size }),
  };
}
