// A CutoverApi for state tests: only the calls a test hands in answer; any other call fails the
// test. `later()` answers when the test says so, to put answers out of order.
import type { AppStore } from '../../../../renderer/app/app-store.ts';
import { createAppStore } from '../../../../renderer/app/app-store.ts';
import type { CallArgs, CallName, CallResults, CutoverApi, Result } from '../../../../preload/contract.ts';

export type FakeCalls = { [N in CallName]?: (args: CallArgs<N>) => Promise<Result<CallResults[N]>> };

export function fakeApi(calls: FakeCalls): CutoverApi {
  const domain = (name: string) =>
    new Proxy(
      {},
      {
        get: (_, method: string) => {
          const call = calls[`${name}.${method}` as CallName] as ((args: unknown) => unknown) | undefined;
          if (!call) throw new Error(`unexpected call ${name}.${method}`);
          return call;
        },
      },
    );
  return new Proxy({}, { get: (_, name: string) => domain(name) }) as CutoverApi;
}

export const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

export const failed = (message: string): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error: { code: 'internal', message } });

/** An answer held back until `answer` is called. */
export function later<T>(): { promise: Promise<Result<T>>; answer(value: T): void } {
  let answer!: (value: T) => void;
  const promise = new Promise<Result<T>>((resolve) => {
    answer = (value) => resolve({ ok: true, value });
  });
  return { promise, answer };
}

/** Frames that never come: progress events wait, which state tests of loading do not need. */
const noFrames = { request: () => 0, cancel: () => {} };

/** The app's store, answering only the given calls. */
export const storeWith = (calls: FakeCalls): AppStore => createAppStore(fakeApi(calls), noFrames);
