// Connects to one port, starts TLS (STARTTLS or implicit) and records what the server
// presents. Verification is off on this one socket only, so an untrusted certificate can be
// inspected; trust is judged afterwards from OpenSSL's verdict and the facts.
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { PortFailureKind } from '../../../../shared/reports/certificate-report.ts';
import { peerChain } from './certificate-facts.ts';
import type { MailService } from './mail-ports.ts';
import { SERVICE_INFO } from './mail-ports.ts';
import { ProbeFailure } from './probe-failure.ts';
import { negotiateStarttls } from './starttls-dialogue.ts';

/** Where and how to probe. `servername` is the name the user typed (SNI and identity). */
export interface ProbeTarget {
  address: string;
  port: number;
  service: MailService;
  servername: string;
  timeoutMs: number;
  /** Replaces Node's default trust store for this socket (see trust-store.ts). */
  ca?: string[] | undefined;
}

/** What the server presented, before any judgement. */
export type ProbeResult =
  | { ok: false; reachable: boolean; failure: { kind: PortFailureKind; detail: string }; elapsedMs: number }
  | {
      ok: true;
      protocol: string;
      cipher: string;
      legacyOnly: boolean;
      /** Server certificate first, then its issuers. */
      chain: X509Certificate[];
      /** OpenSSL's reason the chain is not trusted, or null when it is. */
      chainError: string | null;
      elapsedMs: number;
    };

// Errors that mean "we would not agree on a protocol or cipher", worth one retry that allows
// the old ones, to tell the user *why* (TLS older than 1.2) instead of "handshake failed".
const LEGACY_RETRY_CODES = new Set([
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_NO_SHARED_CIPHER',
  'ERR_SSL_WRONG_SSL_VERSION',
]);

/** Probes one port within `timeoutMs`, whatever the server does (or does not do). */
export async function probePort(target: ProbeTarget): Promise<ProbeResult> {
  const started = Date.now();
  const deadline = started + target.timeoutMs;
  const first = await attempt(target, deadline, false);
  if (!first.ok && first.retryLegacy && Date.now() < deadline) {
    const legacy = await attempt(target, deadline, true);
    if (legacy.ok) return { ...legacy, elapsedMs: Date.now() - started };
  }
  const elapsedMs = Date.now() - started;
  if (first.ok) return { ...first, elapsedMs };
  return { ok: false, reachable: first.reachable, failure: first.failure, elapsedMs };
}

type Attempt =
  | {
      ok: false;
      reachable: boolean;
      failure: { kind: PortFailureKind; detail: string };
      retryLegacy: boolean;
    }
  | {
      ok: true;
      protocol: string;
      cipher: string;
      legacyOnly: boolean;
      chain: X509Certificate[];
      chainError: string | null;
    };

async function attempt(target: ProbeTarget, deadline: number, legacy: boolean): Promise<Attempt> {
  const sockets: Socket[] = [];
  let connected = false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        const seconds = `${Math.round(target.timeoutMs / 100) / 10} s`;
        reject(
          new ProbeFailure(
            'timed-out',
            connected
              ? `the server accepted the connection but did not answer within ${seconds}`
              : `no answer to the connection within ${seconds} (a firewall may be dropping it)`,
          ),
        );
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  timedOut.catch(() => undefined);
  try {
    const plain = await Promise.race([openSocket(target, sockets), timedOut]);
    connected = true;
    const { protocol, mode } = SERVICE_INFO[target.service];
    if (mode === 'starttls') await Promise.race([negotiateStarttls(plain, protocol), timedOut]);
    const secure = await Promise.race([handshake(plain, target, legacy, sockets), timedOut]);
    const chain = peerChain(secure.getPeerCertificate(true));
    const cipher = secure.getCipher();
    const error = secure.authorizationError as unknown as string | Error | null | undefined;
    return {
      ok: true,
      protocol: secure.getProtocol() ?? 'unknown',
      cipher: cipher.standardName || cipher.name,
      legacyOnly: legacy,
      chain,
      chainError: secure.authorized
        ? null
        : error instanceof Error
          ? ((error as NodeJS.ErrnoException).code ?? error.message)
          : (error ?? 'UNKNOWN'),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return {
      ok: false,
      reachable: connected,
      failure: describe(error, target),
      retryLegacy: !legacy && connected && LEGACY_RETRY_CODES.has(code),
    };
  } finally {
    clearTimeout(timer);
    // TLS socket first: destroying the TCP socket under a live TLSSocket crashes Node 24.
    for (const socket of sockets.reverse()) socket.destroy();
  }
}

function openSocket(target: ProbeTarget, sockets: Socket[]): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: target.address, port: target.port });
    sockets.push(socket);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function handshake(
  plain: Socket,
  target: ProbeTarget,
  legacy: boolean,
  sockets: Socket[],
): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const options: ConnectionOptions = {
      socket: plain,
      // SNI carries names only, never IP addresses (RFC 6066).
      ...(isIP(target.servername) ? {} : { servername: target.servername }),
      // This socket only: the certificate must be seen to be judged. Nothing is sent over it.
      rejectUnauthorized: false,
      // Identity is judged separately (host-name-match.ts), so chainError is about the chain.
      checkServerIdentity: () => undefined,
      ...(target.ca ? { ca: target.ca } : {}),
      ...(legacy ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    };
    const secure = tlsConnect(options);
    sockets.push(secure);
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', reject);
    secure.once('close', () =>
      reject(new ProbeFailure('closed-early', 'the server closed the connection during the TLS handshake')),
    );
  });
}

function describe(error: unknown, target: ProbeTarget): { kind: PortFailureKind; detail: string } {
  if (error instanceof ProbeFailure) return { kind: error.kind, detail: error.message };
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'ECONNREFUSED') {
    return {
      kind: 'refused',
      detail: `nothing accepts connections on port ${target.port} (connection refused)`,
    };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'closed-early', detail: 'the server dropped the connection' };
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) {
    const plainText = code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG';
    return plainText
      ? { kind: 'no-tls', detail: 'the server answered without TLS on a port where TLS is expected' }
      : { kind: 'tls-failed', detail: `the TLS handshake failed: ${firstLine(message)}` };
  }
  return { kind: 'network', detail: `${code || 'error'}: ${firstLine(message)}` };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
