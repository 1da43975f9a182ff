// QUIT: ends the session. Since this client never marks messages deleted, the server's UPDATE
// state has nothing to delete; some servers (Dovecot) do record RETR'd messages as seen then.
import type { Pop3Connection } from '../pop3-connection.ts';

/** Sends QUIT and closes; a connection that is already gone counts as quit. */
export async function quit(connection: Pop3Connection): Promise<void> {
  if (!connection.usable) return;
  try {
    await connection.exchange({ line: 'QUIT', body: 'none', activity: 'while logging out' });
  } catch {
    // Nothing is lost when the goodbye goes missing.
  } finally {
    connection.end();
  }
}
