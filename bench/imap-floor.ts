// `--floor`: what the IMAP path itself costs on this machine. A deliberately minimal IMAP→IMAP
// copier on raw TLS sockets: one UID FETCH (FLAGS INTERNALDATE BODY.PEEK[]) per folder, streamed,
// and MULTIAPPEND (RFC 3502) with LITERAL+ in batches of up to 4 MB / 200 messages. No dedupe,
// no ledger, no retries: not a migration tool, a yardstick for how close any IMAP client can get
// to `doveadm backup` (which writes the destination's store directly, without TLS or APPEND).
import { connect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import type { DovecotServer } from '../test/harness/dovecot.ts';

const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_MESSAGES = 200;

/** A line/literal reader over a socket that concatenates only what it hands out. */
class Connection {
  readonly socket: TLSSocket;
  private chunks: Buffer[] = [];
  private length = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private tag = 0;

  constructor(server: DovecotServer) {
    this.socket = connect({
      host: server.host,
      port: server.ports.imaps,
      ca: server.certificate.certPem,
      servername: 'localhost',
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.wake?.();
    });
    const fail = (error: Error) => {
      this.failure = error;
      this.wake?.();
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  private async more(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
  }

  private take(count: number): Buffer {
    let have = 0;
    let used = 0;
    while (have < count) have += this.chunks[used++]!.length;
    const head = used === 1 ? this.chunks[0]! : Buffer.concat(this.chunks.slice(0, used), have);
    this.chunks = have > count ? [head.subarray(count), ...this.chunks.slice(used)] : this.chunks.slice(used);
    this.length -= count;
    return head.subarray(0, count);
  }

  async line(): Promise<string> {
    for (;;) {
      const first = this.chunks[0];
      const end = first ? first.indexOf('\r\n') : -1;
      if (end >= 0) return this.take(end + 2).toString('latin1');
      if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
      else await this.more();
    }
  }

  async bytes(count: number): Promise<Buffer> {
    while (this.length < count) await this.more();
    return this.take(count);
  }

  nextTag(): string {
    return `t${++this.tag}`;
  }

  /** Waits for the tagged completion of `tag`, skipping untagged lines. */
  async completion(tag: string): Promise<void> {
    for (;;) {
      const line = await this.line();
      if (!line.startsWith(`${tag} `)) continue;
      if (!line.startsWith(`${tag} OK`)) throw new Error(line.trim());
      return;
    }
  }

  async command(text: string): Promise<void> {
    const tag = this.nextTag();
    this.socket.write(`${tag} ${text}\r\n`);
    await this.completion(tag);
  }
}

const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** Modified UTF-7 (RFC 3501 §5.1.3) of a mailbox name. */
export function mutf7(name: string): string {
  return name.replace(/&/g, '&-').replace(/[^\x20-\x7e]+/g, (run) => {
    const utf16 = Buffer.alloc(run.length * 2);
    for (let i = 0; i < run.length; i++) utf16.writeUInt16BE(run.charCodeAt(i), i * 2);
    return `&${utf16.toString('base64').replace(/=+$/, '').replace(/\//g, ',')}-`;
  });
}

async function copyAccount(
  source: DovecotServer,
  destination: DovecotServer,
  user: string,
  password: string,
  folders: string[],
): Promise<number> {
  const from = new Connection(source);
  const to = new Connection(destination);
  await Promise.all([from.line(), to.line()]);
  await Promise.all([
    from.command(`LOGIN ${quoted(user)} ${quoted(password)}`),
    to.command(`LOGIN ${quoted(user)} ${quoted(password)}`),
  ]);
  let copied = 0;
  for (const folder of folders) {
    const name = quoted(mutf7(folder));
    if (folder !== 'INBOX') await to.command(`CREATE ${name}`).catch(() => {});
    await from.command(`EXAMINE ${name}`);
    const fetchTag = from.nextTag();
    from.socket.write(`${fetchTag} UID FETCH 1:* (FLAGS INTERNALDATE BODY.PEEK[])\r\n`);
    let batch: Array<{ flags: string; date: string; body: Buffer }> = [];
    let batchBytes = 0;
    let inFlight: Promise<void> | null = null;
    const send = () => {
      if (batch.length === 0) return;
      const tag = to.nextTag();
      to.socket.cork();
      to.socket.write(`${tag} APPEND ${name}`);
      for (const m of batch) {
        to.socket.write(` ${m.flags} "${m.date}" {${m.body.length}+}\r\n`);
        to.socket.write(m.body);
      }
      to.socket.write('\r\n');
      to.socket.uncork();
      inFlight = to.completion(tag);
      batch = [];
      batchBytes = 0;
    };
    for (;;) {
      const line = await from.line();
      if (line.startsWith(`${fetchTag} `)) {
        if (!line.startsWith(`${fetchTag} OK`)) throw new Error(line.trim());
        break;
      }
      const m = /FLAGS \(([^)]*)\) INTERNALDATE "([^"]+)" BODY\[\] \{(\d+)\}\r\n$/.exec(line);
      if (!m) continue; // untagged EXISTS/RECENT and the like
      const flags = `(${m[1]!
        .split(' ')
        .filter((f) => f && f !== '\\Recent')
        .join(' ')})`;
      const body = await from.bytes(Number(m[3]));
      await from.line(); // the ")" closing the FETCH response
      batch.push({ flags, date: m[2]!, body });
      batchBytes += body.length;
      copied++;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_MESSAGES) {
        await inFlight; // one MULTIAPPEND in flight while the next batch is read
        send();
      }
    }
    await inFlight;
    send();
    await inFlight;
  }
  await Promise.allSettled([from.command('LOGOUT'), to.command('LOGOUT')]);
  from.socket.destroy();
  to.socket.destroy();
  return copied;
}

/** Copies every account at once; resolves to the wall time and the messages copied. */
export async function floorCopy(
  source: DovecotServer,
  destination: DovecotServer,
  users: Array<{ user: string; password: string }>,
  folders: string[],
): Promise<{ wallMs: number; messages: number }> {
  const started = performance.now();
  const counts = await Promise.all(
    users.map(({ user, password }) => copyAccount(source, destination, user, password, folders)),
  );
  return { wallMs: performance.now() - started, messages: counts.reduce((a, b) => a + b, 0) };
}
