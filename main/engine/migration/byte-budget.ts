/**
 * Caps the bytes of message bodies held in memory at once, across every account of a job:
 * imapflow's APPEND takes a whole buffer (no stream), so without this many large messages in
 * flight could exhaust memory. A `large` request (a large message) also waits until no other
 * large one is in flight: each costs a few times its size while it is parsed and sent. A
 * request larger than the whole budget is let through alone. Requests are granted in order.
 */
export interface ByteBudget {
  acquire(bytes: number, large?: boolean): Promise<() => void>;
  readonly inUse: number;
}

export function createByteBudget(limit: number): ByteBudget {
  let inUse = 0;
  let largeInUse = false;
  const waiting: Array<{ bytes: number; large: boolean; grant: () => void }> = [];
  const fits = (bytes: number, large: boolean) =>
    (inUse === 0 || inUse + bytes <= limit) && !(large && largeInUse);
  const take = (bytes: number, large: boolean) => {
    inUse += bytes;
    if (large) largeInUse = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inUse -= bytes;
      if (large) largeInUse = false;
      while (waiting.length > 0 && fits(waiting[0]!.bytes, waiting[0]!.large)) waiting.shift()!.grant();
    };
  };
  return {
    get inUse() {
      return inUse;
    },
    acquire(bytes, large = false) {
      if (waiting.length === 0 && fits(bytes, large)) return Promise.resolve(take(bytes, large));
      return new Promise((resolve) =>
        waiting.push({ bytes, large, grant: () => resolve(take(bytes, large)) }),
      );
    },
  };
}
