// Message numbers are what the server listed: positive integers, valid for this session only.
import { Pop3Error } from './pop3-error.ts';

/** Throws INVALID_ARGUMENT unless `value` is a positive safe integer. */
export function assertMessageNumber(value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Pop3Error(
      'INVALID_ARGUMENT',
      `A message number must be a positive whole number, not ${value}.`,
    );
  }
}
