/**
 * Caps the bytes of message bodies held in memory at once, across every account of a job:
 * imapflow's APPEND takes a whole buffer, so without this many large messages in flight could
 * exhaust memory. A message larger than the whole budget is let through alone.
 */
export interface ByteBudget {
  acquire(bytes: number): Promise<() => void>;
  readonly inUse: number;
}

export function createByteBudget(limit: number): ByteBudget {
  let inUse = 0;
  const waiting: Array<{ bytes: number; grant: () => void }> = [];
  const fits = (bytes: number) => inUse === 0 || inUse + bytes <= limit;
  const release = (bytes: number) => () => {
    inUse -= bytes;
    while (waiting.length > 0 && fits(waiting[0]!.bytes)) {
      const next = waiting.shift()!;
      inUse += next.bytes;
      next.grant();
    }
  };
  return {
    get inUse() {
      return inUse;
    },
    acquire(bytes) {
      if (waiting.length === 0 && fits(bytes)) {
        inUse += bytes;
        return Promise.resolve(release(bytes));
      }
      return new Promise((resolve) => waiting.push({ bytes, grant: () => resolve(release(bytes)) }));
    },
  };
}
