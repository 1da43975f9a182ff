/**
 * Passes on at most one value per key every `intervalMs` (the latest one), so thousands of
 * message-level updates become a few events a second; `flush()` sends what is pending.
 */
export function createThrottle<T>(
  intervalMs: number,
  send: (value: T) => void,
  now: () => number = Date.now,
) {
  const last = new Map<string, number>();
  const pending = new Map<string, T>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const emit = (key: string) => {
    const value = pending.get(key);
    timers.delete(key);
    if (value === undefined) return;
    pending.delete(key);
    last.set(key, now());
    send(value);
  };
  return {
    push(key: string, value: T) {
      pending.set(key, value);
      const wait = (last.get(key) ?? -Infinity) + intervalMs - now();
      if (wait <= 0) emit(key);
      else if (!timers.has(key))
        timers.set(
          key,
          setTimeout(() => emit(key), wait),
        );
    },
    flush() {
      for (const [key, timer] of timers) {
        clearTimeout(timer);
        timers.delete(key);
      }
      for (const key of [...pending.keys()]) emit(key);
    },
  };
}
