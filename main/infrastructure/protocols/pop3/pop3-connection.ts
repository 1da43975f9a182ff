// One POP3 session's byte stream: writes a command line, reads its response, and guards it
// with an idle timeout. It runs one exchange at a time (the client sequences them), sends
// only read-only commands, and is unusable after the first transport failure.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Pop3Error } from './pop3-error.ts';
import { ResponseReader } from './response-reader.ts';
import type { BodyRule, Pop3Response } from './response-reader.ts';
import { droppedError, socketError, timeoutError } from './socket-error.ts';

/** One line of the session, for the job log; secrets are already masked. */
export interface TranscriptEntry {
  direction: 'sent' | 'received';
  line: string;
}

/** Receives the transcript; it must not throw. */
export type TranscriptListener = (entry: TranscriptEntry) => void;

/** One command and how to read its answer. */
export interface Exchange {
  /** The command line without CRLF. */
  line: string;
  /** What the transcript shows instead of `line` when it holds a secret. */
  shown?: string;
  body: BodyRule;
  /** What the server is doing meanwhile, for errors: "while sending message 3". */
  activity: string;
  /** A reply to a SASL challenge rather than a command. */
  continuation?: boolean;
  /** Masked in the answer too, in case the server echoes it (only if 4+ characters). */
  secret?: string;
}

// Everything this client may send. DELE, RSET-after-DELE and friends are absent on purpose:
// the source mailbox is never changed.
const READ_ONLY_VERBS: ReadonlySet<string> = new Set([
  'CAPA',
  'STLS',
  'USER',
  'PASS',
  'AUTH',
  'STAT',
  'LIST',
  'UIDL',
  'RETR',
  'TOP',
  'NOOP',
  'QUIT',
]);

interface Pending {
  resolve: (response: Pop3Response) => void;
  reject: (error: Pop3Error) => void;
  activity: string;
  secret: string | undefined;
}

const MASK = '****';

/** The transport under the client; see the file comment. */
export class Pop3Connection {
  readonly target: string;
  #socket: Socket;
  #timeoutMs: number;
  #onTranscript: TranscriptListener | undefined;
  #reader = new ResponseReader();
  #pending: Pending | undefined;
  #timer: NodeJS.Timeout | undefined;
  #failure: Pop3Error | undefined;
  #closed = false;
  #onData = (chunk: Buffer): void => this.#receive(chunk);
  #onError = (error: Error): void => this.#fail(socketError(error, this.target, this.#activity()));
  #onClose = (): void => this.#lost();

  constructor(
    socket: Socket,
    options: { target: string; timeoutMs: number; onTranscript?: TranscriptListener | undefined },
  ) {
    this.target = options.target;
    this.#timeoutMs = options.timeoutMs;
    this.#onTranscript = options.onTranscript;
    this.#socket = socket;
    this.#attach(socket);
  }

  /** The socket currently carrying the session (a TLSSocket after implicit TLS or STLS). */
  get socket(): Socket | TLSSocket {
    return this.#socket;
  }

  /** Whether commands can still be sent. */
  get usable(): boolean {
    return !this.#closed && this.#failure === undefined;
  }

  /** Waits for the server's greeting, the first thing it sends. */
  greeting(): Promise<Pop3Response> {
    return this.#await('none', 'while connecting');
  }

  /** Sends one command and resolves with its response, `-ERR` included. */
  exchange(exchange: Exchange): Promise<Pop3Response> {
    if (/[\r\n]/.test(exchange.line)) {
      return Promise.reject(
        new Pop3Error('INVALID_ARGUMENT', 'A POP3 command argument contains a line break.'),
      );
    }
    const verb = exchange.line.split(' ', 1)[0]!.toUpperCase();
    if (!exchange.continuation && !READ_ONLY_VERBS.has(verb)) {
      return Promise.reject(
        new Pop3Error(
          'INVALID_ARGUMENT',
          `This client never sends ${verb}: the source mailbox is read only.`,
        ),
      );
    }
    // #await rejects a second command while one runs; then nothing may be written either.
    const accepted = this.usable && this.#pending === undefined;
    if (accepted) this.#note('sent', exchange.shown ?? exchange.line);
    const response = this.#await(exchange.body, exchange.activity, exchange.secret);
    if (accepted && this.usable) this.#socket.write(`${exchange.line}\r\n`);
    return response;
  }

  /**
   * Replaces the socket by a TLS one made from it (after `+OK` to STLS). Bytes the server sent
   * in clear text after that `+OK` are dropped, never read as if they came over TLS.
   */
  async upgrade(startTls: (plain: Socket) => Promise<TLSSocket>): Promise<void> {
    this.#ensureUsable();
    if (this.#pending) throw new Error('Cannot start TLS while a command is running.');
    const plain = this.#socket;
    // Detached and handed over in the same tick, so no clear-text byte is read in between.
    plain.off('data', this.#onData);
    plain.off('close', this.#onClose);
    this.#reader.discardUnread();
    try {
      const secure = await startTls(plain);
      this.#socket = secure;
      this.#attach(secure);
    } catch (error) {
      this.#fail(error instanceof Pop3Error ? error : socketError(error, this.target, 'while starting TLS'));
      throw this.#failure;
    }
  }

  /** Ends the session politely after QUIT: the server closes too. */
  end(): void {
    this.#closed = true;
    const socket = this.#socket;
    socket.end(() => socket.destroy());
  }

  /** Drops the connection at once, without QUIT. */
  destroy(): void {
    this.#closed = true;
    this.#clearTimer();
    this.#socket.destroy();
    this.#pending?.reject(this.#closedError());
    this.#pending = undefined;
  }

  #attach(socket: Socket): void {
    socket.on('data', this.#onData);
    socket.on('error', this.#onError);
    socket.once('close', this.#onClose);
  }

  #await(rule: BodyRule, activity: string, secret?: string): Promise<Pop3Response> {
    return new Promise((resolve, reject) => {
      try {
        this.#ensureUsable();
        if (this.#pending) throw new Error('The POP3 connection runs one command at a time.');
      } catch (error) {
        reject(error);
        return;
      }
      this.#pending = { resolve, reject, activity, secret };
      this.#timer = setTimeout(() => this.#fail(timeoutError(activity, this.#timeoutMs)), this.#timeoutMs);
      try {
        const ready = this.#reader.expect(rule);
        if (ready) this.#complete(ready);
      } catch (error) {
        this.#fail(error as Pop3Error);
      }
    });
  }

  #receive(chunk: Buffer): void {
    this.#timer?.refresh();
    let response: Pop3Response | undefined;
    try {
      response = this.#reader.push(chunk);
    } catch (error) {
      this.#fail(error as Pop3Error);
      return;
    }
    if (response) this.#complete(response);
  }

  #complete(received: Pop3Response): void {
    this.#clearTimer();
    const pending = this.#pending;
    this.#pending = undefined;
    const secret = pending?.secret;
    const response =
      secret !== undefined && secret.length >= 4 && received.text.includes(secret)
        ? { ...received, text: received.text.replaceAll(secret, MASK) }
        : received;
    const indicator = response.status === 'ok' ? '+OK' : response.status === 'err' ? '-ERR' : '+';
    this.#note('received', `${indicator}${response.text ? ` ${response.text}` : ''}`);
    if (response.body) this.#note('received', `[${response.body.length} bytes]`);
    pending?.resolve(response);
  }

  #lost(): void {
    if (this.#closed) {
      this.#pending?.reject(this.#closedError());
      this.#pending = undefined;
      return;
    }
    this.#fail(droppedError(this.target, this.#activity()));
  }

  #fail(error: Pop3Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#clearTimer();
    this.#socket.destroy();
    this.#pending?.reject(error);
    this.#pending = undefined;
  }

  #ensureUsable(): void {
    if (!this.usable) throw this.#closedError();
  }

  #closedError(): Pop3Error {
    const failure = this.#failure;
    return new Pop3Error(
      'NOT_CONNECTED',
      failure
        ? `The connection to ${this.target} is closed after an earlier error: ${failure.message}`
        : `The connection to ${this.target} is closed.`,
      { transient: failure?.transient ?? false, cause: failure },
    );
  }

  #activity(): string {
    return this.#pending?.activity ?? 'between commands';
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #note(direction: TranscriptEntry['direction'], line: string): void {
    this.#onTranscript?.({ direction, line });
  }
}
