import { readFileSync } from 'node:fs';
import { CliExit } from './cli-context.ts';
import { ExitCode } from './exit-codes.ts';

/**
 * Reads a text file named on the command line, or says plainly why it cannot. A file that is
 * not UTF-8 is refused with the line of the first wrong byte: decoded anyway, its accents would
 * become U+FFFD and be sent to the server as part of a password.
 */
export function readInputFile(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
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
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliExit(
      ExitCode.usage,
      `The ${what} file "${path}" is not UTF-8 text (line ${firstBadLine(bytes)}). Save it as UTF-8 (in Excel: "CSV UTF-8"), then try again.`,
    );
  }
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line += 1;
    start = i + 1;
  }
  return line;
}
