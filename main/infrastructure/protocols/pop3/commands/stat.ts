// STAT: how many messages the mailbox holds and their total size, to plan and report a copy.
import { Pop3Error } from '../pop3-error.ts';
import type { Pop3Connection } from '../pop3-connection.ts';
import { refusalError } from '../server-refusal.ts';

/** The answer to STAT. */
export interface MailboxStat {
  count: number;
  size: number;
}

/** Sends STAT. */
export async function stat(connection: Pop3Connection): Promise<MailboxStat> {
  const response = await connection.exchange({
    line: 'STAT',
    body: 'none',
    activity: 'while counting messages',
  });
  if (response.status !== 'ok') {
    throw refusalError(response.text, {
      command: 'STAT',
      fallback: 'COMMAND_FAILED',
      task: 'count the messages',
    });
  }
  const match = /^(\d+)\s+(\d+)/.exec(response.text);
  if (!match) {
    throw new Pop3Error('PROTOCOL_ERROR', `The server's STAT answer is malformed: "${response.text}".`, {
      command: 'STAT',
    });
  }
  return { count: Number(match[1]), size: Number(match[2]) };
}
