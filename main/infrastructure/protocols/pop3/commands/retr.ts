// RETR: one whole message, as the exact bytes the server stores (no charset decoding).
import { assertMessageNumber } from '../message-number.ts';
import type { Pop3Connection } from '../pop3-connection.ts';
import { refusalError } from '../server-refusal.ts';

/** Sends RETR; resolves with the raw message, dot-stuffing undone and terminator removed. */
export async function retr(connection: Pop3Connection, messageNumber: number): Promise<Buffer> {
  assertMessageNumber(messageNumber);
  const response = await connection.exchange({
    line: `RETR ${messageNumber}`,
    body: 'if-ok',
    activity: `while sending message ${messageNumber}`,
  });
  if (response.status !== 'ok' || !response.body) {
    throw refusalError(response.text, {
      command: 'RETR',
      fallback: 'COMMAND_FAILED',
      task: `send message ${messageNumber}`,
    });
  }
  return response.body;
}
