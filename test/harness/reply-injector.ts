// An IMAPS server on 127.0.0.1 in front of a harness Dovecot that answers chosen commands
// itself, with replies Dovecot never gives: Microsoft 365's "Request is throttled. Suggested
// Backoff Time: … milliseconds" or "Server Unavailable. 15", another server's size refusal.
// Everything else goes through unchanged (to Dovecot's plain port, so the bytes can be read).
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:tls';
import type { DovecotServer } from './dovecot.ts';
import { trackPair } from './socket-pair.ts';

export interface InjectedReply {
  /** The command answered instead of the server: 'APPEND', 'SELECT', 'UID FETCH', … */
  command: string;
  /** The tagged reply without its tag, e.g. 'NO Server Unavailable. 15'. */
  reply: string;
  /** How many matching commands get it (default 1); later ones reach the server. */
  times?: number;
  /** Only a command carrying a literal at least this large (one message of a MULTIAPPEND, say). */
  minLiteralBytes?: number;
  /**
   * Say it untagged and hang up, as Microsoft 365 ends a session whose token ran out:
   * `BYE Session invalidated - AccessTokenExpired`.
   */
  hangUp?: boolean;
}

export interface ReplyInjector {
  /** Connect here with TLS, trusting the Dovecot's certificate, instead of its IMAPS port. */
  port: number;
  /** The commands answered so far, as "APPEND → NO …". */
  injected: string[];
  stop(): Promise<void>;
}

export async function startReplyInjector(
  server: DovecotServer,
  rules: InjectedReply[],
): Promise<ReplyInjector> {
  const left = rules.map((rule) => rule.times ?? 1);
  const injected: string[] = [];
  const sockets = new Set<Socket>();
  const [cert, key] = await Promise.all([
    readFile(server.certificate.certPath),
    readFile(server.certificate.keyPath),
  ]);
  const listener = createServer({ cert, key }, (client) => {
    const upstream = connect(server.ports.imap, server.host);
    trackPair(sockets, client, upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    const commands = commandReader(
      (command) => {
        const index = rules.findIndex((rule, i) => left[i]! > 0 && matches(rule, command));
        if (index === -1) return void upstream.write(Buffer.concat(command.bytes));
        left[index]! -= 1;
        const rule = rules[index]!;
        injected.push(`${command.name} → ${rule.reply}`);
        if (rule.hangUp) {
          upstream.destroy();
          client.end(`* ${rule.reply}\r\n`);
        } else client.write(`${command.tag} ${rule.reply}\r\n`);
      },
      (bytes) => upstream.write(bytes),
    );
    client.on('data', commands);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  if (!address || typeof address === 'string') throw new Error('The reply injector did not get a port.');
  return {
    port: address.port,
    injected,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        listener.close(() => resolve());
      }),
  };
}

interface Command {
  tag: string;
  /** Upper case, with UID's second word: "UID FETCH". */
  name: string;
  literalSizes: number[];
  bytes: Buffer[];
}

function matches(rule: InjectedReply, command: Command): boolean {
  if (command.name !== rule.command.toUpperCase()) return false;
  return rule.minLiteralBytes === undefined || command.literalSizes.some((s) => s >= rule.minLiteralBytes!);
}

/**
 * Splits what the client sends into whole commands, literals included, and hands each to
 * `onCommand` once complete. A command with a synchronizing literal ({N}, the client waits for
 * the server's "+") cannot be held back: it is passed through as it comes (`passThrough`).
 */
function commandReader(onCommand: (command: Command) => void, passThrough: (bytes: Buffer) => void) {
  let buffer = Buffer.alloc(0);
  let current: Command | null = null;
  let literalLeft = 0;
  let streaming = false;
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (literalLeft > 0) {
        if (buffer.length === 0) return;
        const part = buffer.subarray(0, literalLeft);
        buffer = buffer.subarray(part.length);
        literalLeft -= part.length;
        if (streaming) passThrough(part);
        else current!.bytes.push(part);
        continue;
      }
      const end = buffer.indexOf('\r\n');
      if (end === -1) return;
      const line = buffer.subarray(0, end + 2);
      buffer = buffer.subarray(end + 2);
      const text = line.toString('latin1');
      if (current === null) {
        const [tag = '', first = '', second = ''] = text.trimEnd().split(' ');
        const name = first.toUpperCase() === 'UID' ? `UID ${second.toUpperCase()}` : first.toUpperCase();
        current = { tag, name, literalSizes: [], bytes: [] };
      }
      const literal = /~?\{(\d+)(\+?)\}\r\n$/.exec(text);
      if (streaming) passThrough(line);
      else current.bytes.push(line);
      if (literal) {
        literalLeft = Number(literal[1]);
        current.literalSizes.push(literalLeft);
        if (literal[2] !== '+' && !streaming) {
          streaming = true;
          passThrough(Buffer.concat(current.bytes));
        }
        continue;
      }
      if (!streaming) onCommand(current);
      current = null;
      streaming = false;
    }
  };
}
