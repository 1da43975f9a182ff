import { describeDelimiter } from './delimiter.ts';
import type { InputLine } from './input-lines.ts';
import type { InputError } from './parse-result.ts';
import { hasAccountShape, splitUserLine } from './user-fields.ts';

/** The delimiters tried, in order of preference, when the caller does not name one. */
export const USER_DELIMITER_CANDIDATES = [',', ';', '\t', '|', ':'] as const;

/**
 * The delimiter that splits the account lines into 2–4 fields. When one candidate fits more
 * lines than any other it is chosen, even if some lines still do not fit: those lines then get
 * their own errors, which say more than "no delimiter fits". A tie is an error that names the
 * line and asks for the delimiter, because guessing wrong could put a password in a username.
 */
export function detectUserDelimiter(lines: InputLine[]): { delimiter: string } | { error: InputError } {
  const fits = USER_DELIMITER_CANDIDATES.map((delimiter) =>
    // A line without the character cannot fit, and skipping the parse keeps 500 lines fast.
    lines.map(
      (line) => line.text.includes(delimiter) && hasAccountShape(splitUserLine(line.text, delimiter)),
    ),
  );
  const counts = fits.map((perLine) => perLine.filter(Boolean).length);
  const best = Math.max(...counts);
  if (best === 0) return { delimiter: ',' };
  const tied = USER_DELIMITER_CANDIDATES.flatMap((delimiter, i) => (counts[i] === best ? [i] : []));
  if (tied.length === 1) return { delimiter: USER_DELIMITER_CANDIDATES[tied[0]!]! };

  const bothAt = lines.findIndex((_, l) => tied.filter((i) => fits[i]![l]).length > 1);
  if (bothAt >= 0) {
    const names = tied.map((i) => describeDelimiter(USER_DELIMITER_CANDIDATES[i]!));
    const either = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
    return {
      error: {
        line: lines[bothAt]!.number,
        message: `line ${lines[bothAt]!.number}: the fields could be separated by ${either}; choose the delimiter the list uses.`,
      },
    };
  }
  const [a, b] = tied
    .map((i) => ({ delimiter: USER_DELIMITER_CANDIDATES[i]!, line: lines[fits[i]!.indexOf(true)]! }))
    .sort((x, y) => x.line.number - y.line.number);
  return {
    error: {
      line: b!.line.number,
      message: `line ${b!.line.number}: this line is split by ${describeDelimiter(b!.delimiter)} but line ${a!.line.number} by ${describeDelimiter(a!.delimiter)}; use one delimiter on every line, or choose the delimiter the list uses.`,
    },
  };
}
