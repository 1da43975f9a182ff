import type { AccountOutcome } from './account-runner.ts';

/**
 * The accounts of a run that wait for their destination's next day of uploads (a daily upload
 * limit), and what each copied on the days before, so its figures at the end count every day.
 */
export function createUploadWaits<Account extends { id: number }>() {
  const waiting = new Map<number, { account: Account; at: Date }>();
  const before = new Map<number, { copied: number; bytes: number }>();
  return {
    /** The account stopped for today (`outcome.status` 'waiting'); returns what it copied so far. */
    hold(account: Account, outcome: AccountOutcome): { copied: number; bytes: number; at: Date } {
      const sum = before.get(account.id) ?? { copied: 0, bytes: 0 };
      sum.copied += outcome.copied;
      sum.bytes += outcome.bytes;
      before.set(account.id, sum);
      const at = outcome.error?.resumeAt ?? new Date(0);
      waiting.set(account.id, { account, at });
      return { ...sum, at };
    },
    /** The account's outcome with what it copied on the days before added. */
    total(accountId: number, outcome: AccountOutcome): AccountOutcome {
      const sum = before.get(accountId);
      if (!sum) return outcome;
      return {
        ...outcome,
        copied: outcome.copied + sum.copied,
        bytes: outcome.bytes + sum.bytes,
        skipped: Math.max(0, outcome.skipped - sum.copied),
      };
    },
    /** When the first waiting account may go on, or null when none waits. */
    nextAt(): Date | null {
      let first: Date | null = null;
      for (const { at } of waiting.values()) if (first === null || at < first) first = at;
      return first;
    },
    /** The accounts whose day has come (at least the first one), taken out of the wait. */
    due(now: Date): Account[] {
      const first = this.nextAt();
      const ready = [...waiting.values()].filter(({ at }) => at <= now || at === first);
      for (const { account } of ready) waiting.delete(account.id);
      return ready.map(({ account }) => account);
    },
  };
}
