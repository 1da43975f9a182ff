// The POP3 client the migration engine uses: connectPop3 opens a verified session (implicit
// TLS, required STLS, or plain), and Pop3Client runs the read-only commands one at a time.
import type { TLSSocket } from 'node:tls';
import { capa } from './commands/capa.ts';
import type { Capabilities } from './commands/capa.ts';
import { list } from './commands/list.ts';
import { login } from './commands/login.ts';
import type { LoginMechanism } from './commands/login.ts';
import { noop } from './commands/noop.ts';
import { quit } from './commands/quit.ts';
import { retr } from './commands/retr.ts';
import { stat } from './commands/stat.ts';
import type { MailboxStat } from './commands/stat.ts';
import { stls } from './commands/stls.ts';
import { top } from './commands/top.ts';
import { uidl } from './commands/uidl.ts';
import { openTcp, openTls } from './open-socket.ts';
import type { TlsSettings } from './open-socket.ts';
import type { PeerVerdict } from './peer-certificate.ts';
import { Pop3Connection } from './pop3-connection.ts';
import type { TranscriptListener } from './pop3-connection.ts';
import { Pop3Error } from './pop3-error.ts';
import type { PeerCertificateSummary } from './pop3-error.ts';
import { refusalError } from './server-refusal.ts';

/** `tls`: TLS from the first byte (port 995). `starttls`: STLS on port 110, required. */
export type Pop3Security = 'tls' | 'starttls' | 'plain';

/** Everything connectPop3 needs; only host, port and security are required. */
export interface Pop3ConnectOptions {
  host: string;
  port: number;
  security: Pop3Security;
  tls?: TlsSettings;
  /** Idle timeout per step: connecting, the TLS handshake, and each command. Default 60 s. */
  timeoutMs?: number;
  /** With `plain`, login() refuses to send the password unless this is true. */
  allowPlaintextAuth?: boolean;
  /** Every command and status line, passwords masked; bodies appear as a byte count. */
  onTranscript?: TranscriptListener;
}

/** How the session is encrypted and why its certificate was accepted. */
export interface Pop3TlsInfo {
  protocol: string | null;
  cipher: string;
  /** True when accepted by its pinned fingerprint rather than by chain and name. */
  pinned: boolean;
  certificate: PeerCertificateSummary;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Opens a POP3 session up to the AUTHORIZATION state: greeting read, TLS verified, CAPA known. */
export async function connectPop3(options: Pop3ConnectOptions): Promise<Pop3Client> {
  validateOptions(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint = { host: options.host, port: options.port, timeoutMs };
  const tlsSettings = options.tls ?? {};
  let verdict: PeerVerdict | undefined;
  let socket;
  if (options.security === 'tls') {
    ({ socket, verdict } = await openTls(endpoint, tlsSettings));
  } else {
    socket = await openTcp(endpoint);
  }
  const connection = new Pop3Connection(socket, {
    target: `${options.host}:${options.port}`,
    timeoutMs,
    onTranscript: options.onTranscript,
  });
  try {
    const greeting = await connection.greeting();
    if (greeting.status !== 'ok') {
      throw refusalError(greeting.text, {
        command: 'greeting',
        fallback: 'CONNECTION_REJECTED',
        task: 'accept the connection',
      });
    }
    let capabilities = await capa(connection);
    if (options.security === 'starttls') {
      await stls(connection, capabilities);
      await connection.upgrade(async (plain) => {
        const upgraded = await openTls(endpoint, tlsSettings, plain);
        verdict = upgraded.verdict;
        return upgraded.socket;
      });
      // RFC 2595 §4: forget what the server said before TLS.
      capabilities = await capa(connection);
    }
    return new Pop3Client({
      connection,
      greeting: greeting.text,
      capabilities: capabilities ?? new Map(),
      tls: verdict ? tlsInfo(connection.socket as TLSSocket, verdict) : undefined,
      allowPlaintextAuth: options.allowPlaintextAuth === true,
    });
  } catch (error) {
    connection.destroy();
    throw error;
  }
}

interface ClientState {
  connection: Pop3Connection;
  greeting: string;
  capabilities: Capabilities;
  tls: Pop3TlsInfo | undefined;
  allowPlaintextAuth: boolean;
}

/** A connected session; made by connectPop3. Calls may overlap: they run in order. */
export class Pop3Client {
  /** The greeting text after `+OK`. */
  readonly greeting: string;
  /** Set when the session is encrypted (implicit TLS or STLS). */
  readonly tls: Pop3TlsInfo | undefined;
  #connection: Pop3Connection;
  #capabilities: Capabilities;
  #allowPlaintextAuth: boolean;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(state: ClientState) {
    this.#connection = state.connection;
    this.greeting = state.greeting;
    this.#capabilities = state.capabilities;
    this.tls = state.tls;
    this.#allowPlaintextAuth = state.allowPlaintextAuth;
  }

  /** The last CAPA answer; empty when the server does not support CAPA. */
  get capabilities(): Capabilities {
    return this.#capabilities;
  }

  /** False after quit(), close() or a transport failure; then connect again. */
  get usable(): boolean {
    return this.#connection.usable;
  }

  /** Asks CAPA again (capabilities can change after login). */
  capa(): Promise<Capabilities> {
    return this.#run(async () => {
      this.#capabilities = (await capa(this.#connection)) ?? new Map();
      return this.#capabilities;
    });
  }

  /** Logs in; SASL PLAIN when offered (or forced), else USER/PASS. */
  login(user: string, password: string, options: { mechanism?: LoginMechanism } = {}): Promise<void> {
    return this.#run(async () => {
      if (!this.tls && !this.#allowPlaintextAuth) {
        throw new Pop3Error(
          'PLAINTEXT_AUTH_DISALLOWED',
          `Logging in to ${this.#connection.target} would send the password unencrypted. Use TLS or STLS, or allow unencrypted logins for this server.`,
        );
      }
      await login(this.#connection, this.#capabilities, {
        user,
        password,
        mechanism: options.mechanism ?? 'auto',
      });
    });
  }

  /** Number of messages and their total size. */
  stat(): Promise<MailboxStat> {
    return this.#run(() => stat(this.#connection));
  }

  /** Message number → size in bytes. */
  list(): Promise<Map<number, number>> {
    return this.#run(() => list(this.#connection));
  }

  /** Message number → unique id, stable across sessions. */
  uidl(): Promise<Map<number, string>> {
    return this.#run(() => uidl(this.#connection));
  }

  /** The message's exact bytes. */
  retr(messageNumber: number): Promise<Buffer> {
    return this.#run(() => retr(this.#connection, messageNumber));
  }

  /** The header plus `lines` body lines (0: header only), exact bytes. */
  top(messageNumber: number, lines: number): Promise<Buffer> {
    return this.#run(() => top(this.#connection, messageNumber, lines));
  }

  /** Keeps the session alive. */
  noop(): Promise<void> {
    return this.#run(() => noop(this.#connection));
  }

  /** Says goodbye and closes; never rejects. */
  quit(): Promise<void> {
    return this.#run(() => quit(this.#connection));
  }

  /**
   * Closes at once without QUIT, so the server never enters its UPDATE state and commits
   * nothing for this session (with Dovecot: no "seen" marks for messages read).
   */
  close(): void {
    this.#connection.destroy();
  }

  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task, task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function tlsInfo(socket: TLSSocket, verdict: PeerVerdict): Pop3TlsInfo {
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher().name,
    pinned: verdict.pinned,
    certificate: verdict.certificate,
  };
}

function validateOptions(options: Pop3ConnectOptions): void {
  const invalid = (message: string): Pop3Error => new Pop3Error('INVALID_ARGUMENT', message);
  if (!options.host || /\s/.test(options.host)) throw invalid('The POP3 host name is empty or has spaces.');
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535) {
    throw invalid(`The POP3 port must be between 1 and 65535, not ${options.port}.`);
  }
  if (!['tls', 'starttls', 'plain'].includes(options.security)) {
    throw invalid(`Unknown POP3 security "${String(options.security)}".`);
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw invalid('The POP3 timeout must be a positive number of milliseconds.');
  }
  const pin = options.tls?.pinnedFingerprint256;
  if (pin !== undefined && !/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/.test(pin.replace(/\s/g, ''))) {
    throw invalid('The pinned fingerprint must be a SHA-256 fingerprint: 32 hex bytes, colons optional.');
  }
}
