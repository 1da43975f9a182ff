import { connectPop3, isPop3Error } from '../../infrastructure/protocols/pop3/index.ts';
import type { TlsSettings } from '../../infrastructure/protocols/pop3/index.ts';
import type { Pop3Endpoint } from './endpoints.ts';
import type { Pop3Session } from './pop3-source-folder.ts';

/**
 * Logs in to a POP3 source. With plain text allowed, STLS is still used when the server
 * offers it; only a server without STLS gets a clear-text login.
 */
export async function openPop3Source(
  endpoint: Pop3Endpoint,
  user: string,
  password: string,
  tls: TlsSettings = {},
): Promise<Pop3Session> {
  const connect = (security: 'tls' | 'starttls' | 'plain') =>
    connectPop3({
      host: endpoint.host,
      port: endpoint.port,
      security,
      tls,
      allowPlaintextAuth: security === 'plain',
    });
  let client;
  if (endpoint.security === 'plain') {
    try {
      client = await connect('starttls');
    } catch (error) {
      if (!isPop3Error(error, 'STARTTLS_UNAVAILABLE')) throw error;
      client = await connect('plain');
    }
  } else {
    client = await connect(endpoint.security);
  }
  try {
    await client.login(user, password);
  } catch (error) {
    client.close();
    throw error;
  }
  return client;
}
