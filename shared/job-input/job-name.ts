import { resultOf } from './parse-result.ts';
import type { ParseResult } from './parse-result.ts';

/**
 * A job's name: trimmed and unique; when left blank, the next number (the highest numeric name
 * plus one, starting at 1). Names compare regardless of case, because they name log files and
 * two names that differ only in case would collide on macOS and Windows.
 */
export function parseJobName(name: string | undefined, existingNames: string[]): ParseResult<string> {
  const taken = new Set(existingNames.map(nameKey));
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return resultOf(String(highestNumber(existingNames) + 1), []);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    return resultOf('', [
      { line: 0, message: 'A job name cannot contain line breaks or tabs; write it on one line.' },
    ]);
  }
  if (!taken.has(nameKey(trimmed))) return resultOf(trimmed, []);
  let suffix = 2;
  while (taken.has(nameKey(`${trimmed}-${suffix}`))) suffix += 1;
  return resultOf('', [
    {
      line: 0,
      message: `A job named "${trimmed}" already exists; choose another name, such as "${trimmed}-${suffix}".`,
    },
  ]);
}

function highestNumber(names: string[]): number {
  return names
    .map((name) => name.trim())
    .filter((name) => /^\d+$/.test(name))
    .reduce((max, name) => Math.max(max, Number(name)), 0);
}

function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
