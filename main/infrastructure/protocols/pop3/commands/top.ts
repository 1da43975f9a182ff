// TOP: the header (and the first lines of the body) of a message, a cheap way to read its
// Message-ID and Date for de-duplication without downloading it.
import { assertMessageNumber } from '../message-number.ts';
import { Pop3Error } from '../pop3-error.ts';
import type { Pop3Connection } from '../pop3-connection.ts';
import { refusalError } from '../server-refusal.ts';

/** Sends TOP; with `lines` 0 the result is the header and the blank line after it. */
export async function top(connection: Pop3Connection, messageNumber: number, lines: number): Promise<Buffer> {
  assertMessageNumber(messageNumber);
  if (!Number.isSafeInteger(lines) || lines < 0) {
    throw new Pop3Error('INVALID_ARGUMENT', `The line count must be 0 or more, not ${lines}.`);
  }
  const response = await connection.exchange({
    line: `TOP ${messageNumber} ${lines}`,
    body: 'if-ok',
    activity: `while sending the header of message ${messageNumber}`,
  });
  if (response.status !== 'ok' || !response.body) {
    throw refusalError(response.text, {
      command: 'TOP',
      fallback: 'COMMAND_FAILED',
      task: `send the header of message ${messageNumber}`,
    });
  }
  return response.body;
}
