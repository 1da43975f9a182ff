/** Caps concurrent connections per server host, across all accounts of a job. */
export function createKeyedLimiter(limit: number) {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const acquireOne = (key: string): Promise<void> => {
    const count = active.get(key) ?? 0;
    if (count < limit) {
      active.set(key, count + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = waiting.get(key) ?? [];
      queue.push(() => {
        active.set(key, (active.get(key) ?? 0) + 1);
        resolve();
      });
      waiting.set(key, queue);
    });
  };
  const releaseOne = (key: string) => {
    active.set(key, (active.get(key) ?? 1) - 1);
    waiting.get(key)?.shift()?.();
  };
  return {
    /** Takes one slot on each host, in a fixed order so two accounts never wait on each other. */
    async acquire(keys: string[]): Promise<() => void> {
      const sorted = [...new Set(keys.map((k) => k.toLowerCase()))].sort();
      for (const key of sorted) await acquireOne(key);
      return () => sorted.forEach(releaseOne);
    },
  };
}
