import { describe, expect, it } from 'vitest';
import type { EventPayloads, JobSummary } from '../../../../preload/contract.ts';
import { failed, ok, storeWith, type FakeCalls } from './fake-api.ts';

type PageListener = (page: EventPayloads['signIn.open']) => void;

/** The calls of a sign-in, with the window's sign-in page events under the test's control. */
function signInCalls(
  answer: () => ReturnType<NonNullable<FakeCalls['jobs.signInAccount']>>,
  extra: FakeCalls = {},
) {
  const listeners = new Set<PageListener>();
  const calls = {
    ...extra,
    'jobs.signInAccount': () => {
      for (const listener of listeners) {
        listener({ job: 'office', account: 'bob@example.test', url: 'https://id.example/auth?bob' });
        listener({ job: 'office', account: 'ann@example.test', url: 'https://id.example/auth?ann' });
      }
      return answer();
    },
    'events.onSignInPage': (listener: PageListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as FakeCalls;
  return { calls, listeners };
}

describe('signing an account in again from its detail', () => {
  it("opens only that account's sign-in page, and stops listening once main answered", async () => {
    const { calls, listeners } = signInCalls(() => failed('Access was not granted at id.example.'));
    const opened: string[] = [];
    const result = await storeWith(calls)
      .getState()
      .signInAndRetry({ name: 'office', account: 'ann@example.test' }, (url) => opened.push(url));
    expect(opened).toEqual(['https://id.example/auth?ann']);
    expect(result).toMatchObject({ ok: false, error: { message: 'Access was not granted at id.example.' } });
    expect(listeners.size).toBe(0);
  });

  it('retries the job once the sign-in is stored', async () => {
    const retried: string[] = [];
    const { calls } = signInCalls(() => ok({} as JobSummary), {
      'jobs.retry': ({ name }) => (retried.push(name), failed('The job is already running.')),
      'jobs.get': () => failed('not needed here'),
    });
    const result = await storeWith(calls)
      .getState()
      .signInAndRetry({ name: 'office', account: 'ann@example.test' }, () => {});
    expect(retried).toEqual(['office']);
    expect(result.ok).toBe(false);
  });
});
