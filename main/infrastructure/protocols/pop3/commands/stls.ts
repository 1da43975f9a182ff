// STLS (RFC 2595): asks to start TLS on the clear-text port. The client then upgrades the
// socket and asks CAPA again, because capabilities seen before TLS must be forgotten.
import { Pop3Error } from '../pop3-error.ts';
import type { Pop3Connection } from '../pop3-connection.ts';
import type { Capabilities } from './capa.ts';

/** Sends STLS; throws STARTTLS_UNAVAILABLE when it is not offered or refused. */
export async function stls(
  connection: Pop3Connection,
  capabilities: Capabilities | undefined,
): Promise<void> {
  // A server without CAPA may still know STLS, so only a CAPA that omits it rules it out.
  if (capabilities && !capabilities.has('STLS')) throw unavailable(connection.target, 'does not offer it');
  const response = await connection.exchange({ line: 'STLS', body: 'none', activity: 'while starting TLS' });
  if (response.status !== 'ok') {
    throw unavailable(connection.target, `refused it${response.text ? ` ("${response.text}")` : ''}`);
  }
}

function unavailable(target: string, why: string): Pop3Error {
  return new Pop3Error(
    'STARTTLS_UNAVAILABLE',
    `${target} cannot encrypt the connection with STLS: the server ${why}. Use the TLS port (usually 995), or allow unencrypted connections for this server.`,
    { command: 'STLS' },
  );
}
