// Reads POP3 responses from a byte stream: the status line (`+OK`, `-ERR`, or a SASL `+ `
// continuation), then, for commands that have one, the multi-line body. Bytes may arrive in
// any split; bytes past the end of a response are kept for the next one.
import { MultilineBody } from './multiline-body.ts';
import { Pop3Error } from './pop3-error.ts';

/** One complete server response. `body` is set for multi-line responses only. */
export interface Pop3Response {
  status: 'ok' | 'err' | 'continue';
  /** The status line after `+OK`/`-ERR`/`+`, without the line break. */
  text: string;
  body: Buffer | undefined;
}

/** Whether the expected response has a multi-line body after `+OK` (CAPA, LIST, UIDL, RETR, TOP). */
export type BodyRule = 'none' | 'if-ok';

const LF = 0x0a;
// RFC 2449 limits response lines to 512 octets; be generous with real servers.
const MAX_STATUS_LINE = 8192;
// Bytes the server may send while no command is waiting for them.
const MAX_UNSOLICITED = 65_536;

/** Incremental response parser; feed it with `push`, announce each command with `expect`. */
export class ResponseReader {
  #stash: Buffer[] = [];
  #stashSize = 0;
  #rule: BodyRule | undefined;
  #line: Buffer[] = [];
  #lineSize = 0;
  #status: { status: Pop3Response['status']; text: string } | undefined;
  #body: MultilineBody | undefined;

  /** Starts reading the next response; returns it at once if already received. */
  expect(rule: BodyRule): Pop3Response | undefined {
    if (this.#rule !== undefined) throw new Error('A response is already expected.');
    this.#rule = rule;
    if (this.#stashSize === 0) return undefined;
    const stashed = Buffer.concat(this.#stash, this.#stashSize);
    this.#stash = [];
    this.#stashSize = 0;
    return this.#consume(stashed);
  }

  /** Feeds bytes from the socket; returns the response when this chunk completed it. */
  push(chunk: Buffer): Pop3Response | undefined {
    if (this.#rule === undefined) {
      this.#keep(chunk);
      return undefined;
    }
    return this.#consume(chunk);
  }

  /** Bytes size of the body received so far, for progress and limits. */
  get bodyBytes(): number {
    return this.#body?.size ?? 0;
  }

  /**
   * Drops bytes received after the last complete response and returns how many. After STLS
   * nothing sent in clear text may be read as if it came over TLS (response injection).
   */
  discardUnread(): number {
    const dropped = this.#stashSize;
    this.#stash = [];
    this.#stashSize = 0;
    return dropped;
  }

  #consume(chunk: Buffer): Pop3Response | undefined {
    let offset = 0;
    if (this.#status === undefined) {
      const lf = chunk.indexOf(LF);
      if (lf === -1) {
        this.#line.push(chunk);
        this.#lineSize += chunk.length;
        if (this.#lineSize > MAX_STATUS_LINE) throw protocolError('a response line longer than 8 KB');
        return undefined;
      }
      this.#line.push(chunk.subarray(0, lf));
      const line = Buffer.concat(this.#line, this.#lineSize + lf);
      this.#line = [];
      this.#lineSize = 0;
      this.#status = parseStatusLine(line);
      offset = lf + 1;
      if (this.#status.status !== 'ok' || this.#rule === 'none') {
        return this.#finish(chunk.subarray(offset), undefined);
      }
      this.#body = new MultilineBody();
    }
    const rest = offset === 0 ? chunk : chunk.subarray(offset);
    const body = this.#body!;
    const end = body.push(rest);
    if (end === -1) return undefined;
    return this.#finish(rest.subarray(end), body.body());
  }

  #finish(leftover: Buffer, body: Buffer | undefined): Pop3Response {
    const { status, text } = this.#status!;
    this.#status = undefined;
    this.#body = undefined;
    this.#rule = undefined;
    if (leftover.length > 0) this.#keep(leftover);
    return { status, text, body };
  }

  #keep(chunk: Buffer): void {
    this.#stash.push(chunk);
    this.#stashSize += chunk.length;
    if (this.#stashSize > MAX_UNSOLICITED) throw protocolError('data nobody asked for');
  }
}

function parseStatusLine(raw: Buffer): { status: Pop3Response['status']; text: string } {
  const line = raw.toString('utf8').replace(/\r$/, '');
  const match = /^(\+OK|-ERR|\+)(?:\s(.*))?$/is.exec(line);
  if (!match) {
    const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
    throw protocolError(`"${shown.replace(/[\p{Cc}]/gu, '?')}" instead of +OK or -ERR`);
  }
  const indicator = match[1]!.toUpperCase();
  const status = indicator === '+OK' ? 'ok' : indicator === '-ERR' ? 'err' : 'continue';
  return { status, text: (match[2] ?? '').trim() };
}

function protocolError(what: string): Pop3Error {
  return new Pop3Error('PROTOCOL_ERROR', `The server sent ${what}; it does not speak POP3 as expected.`);
}
