// UIDL: a stable id per message (RFC 1939 §7), the key for "never copy a message twice".
import type { Pop3Connection } from '../pop3-connection.ts';
import { parseScanListing } from '../scan-listing.ts';
import { refusalError } from '../server-refusal.ts';

/** Sends UIDL; message number → unique id. Servers without UIDL answer COMMAND_FAILED. */
export async function uidl(connection: Pop3Connection): Promise<Map<number, string>> {
  const response = await connection.exchange({
    line: 'UIDL',
    body: 'if-ok',
    activity: 'while listing message ids',
  });
  if (response.status !== 'ok' || !response.body) {
    throw refusalError(response.text, {
      command: 'UIDL',
      fallback: 'COMMAND_FAILED',
      task: 'list unique message ids (UIDL)',
    });
  }
  return parseScanListing(response.body, 'UIDL');
}
