import { CommanderError } from 'commander';
import { buildProgram } from './program.ts';
import { CliExit } from './cli-context.ts';
import type { CliStreams } from './cli-context.ts';
import { ExitCode } from './exit-codes.ts';
import { ServiceError } from '../../../shared/service-error.ts';

/** Parses and runs one command line; resolves to the exit status instead of exiting. */
export async function runCli(argv: string[], streams: CliStreams): Promise<number> {
  const program = buildProgram(streams);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they are not to the user.
      if (error.exitCode === 0) return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof CliExit) {
      if (error.message) streams.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ServiceError) {
      streams.stderr.write(`${error.message}\n`);
      return error.code === 'invalid-arguments' ? ExitCode.usage : ExitCode.failed;
    }
    streams.stderr.write(`Cutover stopped: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
}
