/**
 * Yields `load(item)` for each item in order, starting the next load as soon as the current
 * result is handed out, so loading batch k + 1 (from the source) overlaps the caller's work on
 * batch k (storing it on the destination). At most two loads are held at once. When the caller
 * stops early, a load still under way is handed to `drop` once it lands (to give back its memory).
 */
export async function* readAhead<T, R>(
  items: Iterable<T>,
  load: (item: T) => Promise<R>,
  drop: (result: R) => void,
): AsyncGenerator<R> {
  const iterator = items[Symbol.iterator]();
  const start = (): Promise<R> | null => {
    const next = iterator.next();
    if (next.done) return null;
    const pending = load(next.value);
    // Awaited later; until then a failure must not count as unhandled.
    pending.catch(() => {});
    return pending;
  };
  let pending = start();
  try {
    while (pending) {
      const current = await pending;
      pending = start();
      yield current;
    }
  } finally {
    if (pending) pending.then(drop, () => {});
  }
}
