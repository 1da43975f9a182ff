/**
 * Caps the bytes of message bodies held in memory at once, across every account of a job: a
 * batch is fetched whole before it is appended, so without this many large messages in flight
 * could exhaust memory (a streamed message asks only for the chunks it holds). A `large`
 * request (a large message) also waits until no other large one is in flight: each costs a few
 * times its size while it is parsed and sent. Requests are granted in order. A request larger than the whole budget goes in a lane of its own, one
 * at a time, beside the budget: the job holds at most the budget and one such message, and the
 * other accounts carry on while it crosses (waiting for the budget to empty would stall them).
 */
export interface ByteBudget {
  acquire(bytes: number, large?: boolean): Promise<() => void>;
  readonly inUse: number;
}

interface Waiting {
  bytes: number;
  large: boolean;
  grant: () => void;
}

export function createByteBudget(limit: number): ByteBudget {
  let inUse = 0;
  let largeInUse = false;
  let oversizeInUse = 0;
  const waiting: Waiting[] = [];
  const oversizeWaiting: Waiting[] = [];
  const isOversize = (bytes: number) => bytes > limit;
  const fits = (bytes: number, large: boolean) =>
    isOversize(bytes) ? oversizeInUse === 0 : inUse + bytes <= limit && !(large && largeInUse);
  const queueOf = (bytes: number) => (isOversize(bytes) ? oversizeWaiting : waiting);
  const take = (bytes: number, large: boolean) => {
    const oversize = isOversize(bytes);
    if (oversize) oversizeInUse = bytes;
    else {
      inUse += bytes;
      if (large) largeInUse = true;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (oversize) oversizeInUse = 0;
      else {
        inUse -= bytes;
        if (large) largeInUse = false;
      }
      const queue = queueOf(bytes);
      while (queue.length > 0 && fits(queue[0]!.bytes, queue[0]!.large)) queue.shift()!.grant();
    };
  };
  return {
    get inUse() {
      return inUse + oversizeInUse;
    },
    acquire(bytes, large = false) {
      const queue = queueOf(bytes);
      if (queue.length === 0 && fits(bytes, large)) return Promise.resolve(take(bytes, large));
      return new Promise((resolve) => queue.push({ bytes, large, grant: () => resolve(take(bytes, large)) }));
    },
  };
}
