// LIST: every message number with its size, so the engine can plan and check each download.
import type { Pop3Connection } from '../pop3-connection.ts';
import { parseScanListing, parseSize } from '../scan-listing.ts';
import { refusalError } from '../server-refusal.ts';

/** Sends LIST; message number → size in bytes (as the server counts them, with CRLF). */
export async function list(connection: Pop3Connection): Promise<Map<number, number>> {
  const response = await connection.exchange({
    line: 'LIST',
    body: 'if-ok',
    activity: 'while listing messages',
  });
  if (response.status !== 'ok' || !response.body) {
    throw refusalError(response.text, {
      command: 'LIST',
      fallback: 'COMMAND_FAILED',
      task: 'list the messages',
    });
  }
  const sizes = new Map<number, number>();
  for (const [number, value] of parseScanListing(response.body, 'LIST')) {
    sizes.set(number, parseSize(value, 'LIST'));
  }
  return sizes;
}
