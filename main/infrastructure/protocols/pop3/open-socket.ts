// Opens the connection: TCP (for plain and STLS) or TLS (implicit, or an upgrade of a TCP
// socket after STLS). A TLS socket is handed out only after verifyPeer accepted the peer.
import { connect as netConnect, isIP } from 'node:net';
import type { Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect } from 'node:tls';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { verifyPeer } from './peer-certificate.ts';
import type { PeerVerdict } from './peer-certificate.ts';
import { Pop3Error } from './pop3-error.ts';
import { socketError, timeoutError } from './socket-error.ts';

/** Where to connect and how long to wait for each step. */
export interface Endpoint {
  host: string;
  port: number;
  timeoutMs: number;
}

/** Trust settings for one server; nothing here changes verification for other connections. */
export interface TlsSettings {
  /** Trusted CA certificates (PEM); like Node's `tls.connect`, they replace the system roots. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** The name to send (SNI) and to find in the certificate; default: the host. */
  servername?: string;
  /** Accept exactly this certificate even if its chain or name would be rejected. */
  pinnedFingerprint256?: string;
}

/** Opens a TCP connection with Nagle's algorithm off (one small command per round trip). */
export function openTcp(endpoint: Endpoint): Promise<Socket> {
  const target = `${endpoint.host}:${endpoint.port}`;
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: endpoint.host, port: endpoint.port, noDelay: true, keepAlive: true });
    const settle = guard(socket, endpoint.timeoutMs, 'while connecting', reject, (error) =>
      socketError(error, target, 'while connecting'),
    );
    socket.once('connect', () => settle(() => resolve(socket)));
  });
}

/**
 * Opens implicit TLS to the endpoint, or starts TLS over `plain` after STLS. Resolves once the
 * certificate is accepted; rejects with CERT_UNTRUSTED, CERT_HOSTNAME_MISMATCH or TLS_FAILED.
 */
export function openTls(
  endpoint: Endpoint,
  settings: TlsSettings,
  plain?: Socket,
): Promise<{ socket: TLSSocket; verdict: PeerVerdict }> {
  const target = `${endpoint.host}:${endpoint.port}`;
  const hostname = settings.servername ?? endpoint.host;
  const options: ConnectionOptions = {
    host: endpoint.host,
    // RFC 6066 forbids IP addresses in SNI.
    ...(isIP(hostname) ? {} : { servername: hostname }),
    ...(settings.ca === undefined ? {} : { ca: settings.ca }),
    // For this socket only, and verified before any byte is read or written: verifyPeer accepts
    // Node's own verdict (chain and host name, `socket.authorized`) or the pinned fingerprint.
    // Node would otherwise destroy the socket before we could show the certificate to pin.
    rejectUnauthorized: false,
    // The name checked is always the one asked for, even when it is an IP address (no SNI).
    checkServerIdentity: (_host, certificate) => checkServerIdentity(hostname, certificate),
    ...(plain ? { socket: plain } : { port: endpoint.port }),
  };
  return new Promise((resolve, reject) => {
    const socket = tlsConnect(options);
    const activity = plain ? 'while starting TLS' : 'while connecting';
    const settle = guard(socket, endpoint.timeoutMs, activity, reject, (error) =>
      tlsError(error, target, activity),
    );
    if (plain) plain.on('error', (error) => settle(() => reject(tlsError(error, target, activity))));
    socket.once('secureConnect', () =>
      settle(() => {
        try {
          const verdict = verifyPeer(socket, {
            hostname,
            pinnedFingerprint256: settings.pinnedFingerprint256,
            target,
          });
          socket.setNoDelay(true);
          resolve({ socket, verdict });
        } catch (error) {
          socket.destroy();
          reject(error);
        }
      }),
    );
  });
}

// Rejects on error, close or timeout until `settle` is called once; errors after that are
// left to the connection's own listeners (a listener stays so none is ever unhandled).
function guard(
  socket: Socket,
  timeoutMs: number,
  activity: string,
  reject: (error: Pop3Error) => void,
  mapError: (error: unknown) => Pop3Error,
): (done: () => void) => void {
  let settled = false;
  const settle = (done: () => void): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    done();
  };
  const fail = (error: Pop3Error): void =>
    settle(() => {
      socket.destroy();
      reject(error);
    });
  const timer = setTimeout(() => fail(timeoutError(activity, timeoutMs)), timeoutMs);
  socket.on('error', (error) => fail(mapError(error)));
  socket.once('close', () => fail(mapError(Object.assign(new Error('closed'), { code: 'ECONNRESET' }))));
  return settle;
}

function tlsError(error: unknown, target: string, activity: string): Pop3Error {
  if (error instanceof Pop3Error) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (/^E[A-Z]+$/.test(code)) return socketError(error, target, activity);
  const reason = error instanceof Error ? error.message : String(error);
  return new Pop3Error('TLS_FAILED', `The TLS handshake with ${target} failed: ${reason}.`, { cause: error });
}
