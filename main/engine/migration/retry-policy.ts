/**
 * Bounded exponential back-off with full jitter, for dropped connections, outages and
 * throttling. The budget counts attempts in a row that copied nothing: an attempt that made
 * progress (a hotel network dropping every few minutes) starts it afresh.
 */
export interface RetryPolicy {
  /** Attempts in a row without progress before giving up… */
  attempts: number;
  /** …once at least this long has been waited without progress (default 0). */
  giveUpAfterMs?: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Waits out an outage of ten minutes, trying at least every 30 s once the back-off is full. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  giveUpAfterMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/** Delay before attempt `attempt + 1`, given a random number in [0, 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
