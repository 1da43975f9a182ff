// NOOP: keeps an idle session alive and proves the server still answers.
import type { Pop3Connection } from '../pop3-connection.ts';
import { refusalError } from '../server-refusal.ts';

/** Sends NOOP. */
export async function noop(connection: Pop3Connection): Promise<void> {
  const response = await connection.exchange({
    line: 'NOOP',
    body: 'none',
    activity: 'while answering NOOP',
  });
  if (response.status !== 'ok') {
    throw refusalError(response.text, { command: 'NOOP', fallback: 'COMMAND_FAILED', task: 'answer NOOP' });
  }
}
