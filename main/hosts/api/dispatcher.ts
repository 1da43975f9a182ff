import type { z } from 'zod';
import { callSchemas } from '../../../preload/contract.ts';
import type { ApiError, CallName, CallResults, Result, ValidCallArgs } from '../../../preload/contract.ts';
import { ServiceError } from '../../../shared/service-error.ts';

/** One handler per call; the compiler insists every call in the contract has one. */
export type Handlers = {
  [N in CallName]: (args: ValidCallArgs<N>) => CallResults[N] | Promise<CallResults[N]>;
};

export type Dispatch = (name: unknown, args: unknown) => Promise<Result<unknown>>;

/**
 * Validates a call's name and arguments against the contract, runs its handler, and turns
 * every outcome into a Result, so no transport ever has to serialise an exception.
 */
export function createDispatcher(handlers: Handlers, onInternalError: (error: unknown) => void): Dispatch {
  return async (name, args) => {
    if (typeof name !== 'string' || !Object.hasOwn(callSchemas, name)) {
      return fail({ code: 'unknown-call', message: `Cutover has no call named ${JSON.stringify(name)}.` });
    }
    const callName = name as CallName;
    const parsed = callSchemas[callName].safeParse(args ?? {});
    if (!parsed.success) return fail(describeInvalid(callName, parsed.error));
    try {
      const handler = handlers[callName] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ServiceError) {
        return fail({
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        });
      }
      onInternalError(error);
      return fail({
        code: 'internal',
        message:
          'Cutover hit an unexpected problem. The details are in the log; try again, and report it if it happens again.',
      });
    }
  };
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}

function describeInvalid(name: CallName, error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const what =
    issue?.code === 'unrecognized_keys' ? `unexpected field ${issue.keys.join(', ')}` : issue?.message;
  return {
    code: 'invalid-arguments',
    message: `${name}: ${field ? `${field}: ` : ''}${what ?? 'invalid arguments'}`,
    ...(field ? { field } : {}),
  };
}
