// One run at a time per destination mailbox, across every job of this process: two jobs that
// hold the same account (a batch started twice, or a pasted list overlapping the project's)
// would otherwise both list the mailbox before either had copied, and both copy everything.
// The second waits; when it runs, the ledger and the destination show what the first copied.

const holders = new Map<string, Promise<void>>();

/** The lock's name for a destination mailbox: server and login, case-insensitive. */
export function mailboxKey(host: string, port: number | string, login: string): string {
  return `${host.toLowerCase()}:${port}/${login.toLowerCase()}`;
}

/**
 * Waits until no other run holds `key`, takes it, and returns its release. `onWait` is called
 * once if it has to wait (for the log); an abort while waiting rejects with the signal's reason.
 */
export async function lockMailbox(
  key: string,
  signal: AbortSignal,
  onWait?: () => void,
): Promise<() => void> {
  let waited = false;
  for (let held = holders.get(key); held; held = holders.get(key)) {
    if (!waited) onWait?.();
    waited = true;
    await new Promise<void>((resolve, reject) => {
      const abort = () => reject(signal.reason);
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      void held.then(() => {
        signal.removeEventListener('abort', abort);
        resolve();
      });
    });
  }
  let release!: () => void;
  holders.set(
    key,
    new Promise<void>((resolve) => {
      release = resolve;
    }),
  );
  return () => {
    holders.delete(key);
    release();
  };
}
