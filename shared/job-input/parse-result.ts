/** One problem in text the admin typed; `line` is 1-based, 0 when no single line is at fault. */
export interface InputError {
  line: number;
  message: string;
}

/** Every problem is collected, not just the first, so the UI can list each bad line at once. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

/** The value when there are no errors, else the errors in line order. */
export function resultOf<T>(value: T, errors: InputError[]): ParseResult<T> {
  if (errors.length === 0) return { ok: true, value };
  return { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) };
}

/** An error on one line, worded `line 3: …` so it reads well on its own too. */
export function lineError(line: number, message: string): InputError {
  return { line, message: `line ${line}: ${message}` };
}
