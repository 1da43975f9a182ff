import { ImapFlow } from 'imapflow';
import type { ConnectionOptions } from 'node:tls';
import { watchGreeting } from './greeting-watch.ts';

/** How to reach an IMAP server; `tls` carries a pinned certificate's trust for this server only. */
export interface ImapEndpoint {
  host: string;
  port: number;
  /** 'tls': implicit TLS (993). 'starttls': required upgrade (143). 'plain': upgrade if offered, else clear text. */
  security: 'tls' | 'starttls' | 'plain';
  tls?: ConnectionOptions;
}

export interface PasswordLogin {
  user: string;
  password: string;
  /** Log in as an admin (`user`) on behalf of this mailbox: SASL PLAIN authorization identity. */
  authzid?: string;
}

/** OAUTHBEARER when the server offers it, else XOAUTH2 (imapflow's choice). */
export interface TokenLogin {
  user: string;
  accessToken: string;
}

export type ImapLogin = PasswordLogin | TokenLogin;

export interface ImapTimeouts {
  connectMs: number;
  /** No byte for this long in the middle of a command: the server is stuck. */
  socketMs: number;
}

export const DEFAULT_IMAP_TIMEOUTS: ImapTimeouts = { connectMs: 30_000, socketMs: 120_000 };

/**
 * A logged-in imapflow client that never prints credentials and never idles between commands.
 * A port that greets as POP3 or SMTP rejects at once with a WrongProtocolError.
 */
export async function openImap(
  endpoint: ImapEndpoint,
  login: ImapLogin,
  timeouts = DEFAULT_IMAP_TIMEOUTS,
  /** ENABLE QRESYNC where the server has it (a folder opened then reports its flag changes). */
  options: { qresync?: boolean } = {},
): Promise<ImapFlow> {
  let client: ImapFlow | null = null;
  const greeting = watchGreeting(() => client?.close());
  client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    ...(endpoint.security === 'starttls' ? { doSTARTTLS: true } : {}),
    auth: authOf(login),
    tls: { servername: isIpAddress(endpoint.host) ? undefined : endpoint.host, ...endpoint.tls },
    logger: greeting.logger,
    disableAutoIdle: true,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    clientInfo: { name: 'Cutover' },
    ...(options.qresync ? { qresync: true } : {}),
  } as ConstructorParameters<typeof ImapFlow>[0]);
  // An unhandled 'error' event would crash the process; failures surface through the promises.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw greeting.wrong() ?? error;
  }
  return client;
}

function authOf(login: ImapLogin) {
  if ('accessToken' in login) return { user: login.user, accessToken: login.accessToken };
  return login.authzid
    ? { user: login.user, pass: login.password, authzid: login.authzid, loginMethod: 'AUTH=PLAIN' }
    : { user: login.user, pass: login.password };
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
