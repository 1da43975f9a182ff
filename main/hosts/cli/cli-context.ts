import type { Writable } from 'node:stream';
import type { Services } from '../services.ts';
import type { ApiError, CallArgs, CallName, CallResults } from '../../../preload/contract.ts';
import { ExitCode } from './exit-codes.ts';

export interface CliStreams {
  stdout: Writable;
  stderr: Writable;
}

/** Raised by a command to end with a given status after printing its message. */
export class CliExit extends Error {
  readonly exitCode: number;

  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Output that honours `--json`: one JSON object per line, or plain text for people. */
export interface CliOutput {
  json: boolean;
  /** Prints `value` as JSON, or `text()` for a person. */
  result(value: unknown, text: () => string): void;
  info(message: string): void;
}

export function createOutput(streams: CliStreams, json: boolean): CliOutput {
  return {
    json,
    result(value, text) {
      streams.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text()}\n`);
    },
    info(message) {
      (json ? streams.stderr : streams.stdout).write(`${message}\n`);
    },
  };
}

/**
 * Runs a call through the same dispatcher the UI uses (same validation, same errors) and
 * turns a failure into an exit: argument errors are usage errors.
 */
export async function call<N extends CallName>(
  services: Services,
  name: N,
  args: CallArgs<N>,
): Promise<CallResults[N]> {
  const result = await services.dispatch(name, args);
  if (result.ok) return result.value as CallResults[N];
  throw apiErrorToExit(result.error);
}

function apiErrorToExit(error: ApiError): CliExit {
  return new CliExit(error.code === 'invalid-arguments' ? ExitCode.usage : ExitCode.failed, error.message);
}
