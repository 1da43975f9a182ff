import { readFileSync } from 'node:fs';
import { CliExit } from './cli-context.ts';
import { ExitCode } from './exit-codes.ts';

/** Reads a file named on the command line, or says plainly why it cannot. */
export function readInputFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES'
          ? 'it cannot be read (permissions)'
          : (error as Error).message;
    throw new CliExit(ExitCode.usage, `The ${what} file "${path}" cannot be used: ${why}.`);
  }
}
