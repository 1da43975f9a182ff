// A scriptable POP3 server on 127.0.0.1 for the cases a real server will not produce on
// demand: answers split at chosen bytes, 8-bit bodies, stalls, hang-ups, response codes,
// a missing STLS, and clear text injected after STLS.
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { dotStuff } from '../../unit/pop3/pop3-wire.ts';

/** One step of delivering an answer: bytes, a pause, stop answering, or hang up. */
export type Piece = Buffer | { delayMs: number } | 'stall' | 'hang-up';

/** How the fake server behaves; every field has a plain default. */
export interface FakePop3Options {
  greeting?: string;
  /** CAPA lines; null answers CAPA with -ERR (a pre-RFC 2449 server). */
  capabilities?: string[] | null;
  messages?: Buffer[];
  /** Turns an answer's bytes into pieces; default: one write. */
  deliver?: (wire: Buffer, command: string) => Piece[];
  /** The answer to PASS; default `+OK`. */
  passReply?: string;
  /** Answer STLS and start TLS with this certificate; without it STLS gets -ERR. */
  tls?: { key: string; cert: string };
  /** Clear text sent right after `+OK` to STLS, before the handshake (an injection attempt). */
  injectAfterStls?: string;
}

/** A running fake server. */
export interface FakePop3Server {
  port: number;
  /** Every command line received, in order, across connections. */
  commands: string[];
  close(): Promise<void>;
}

/** Starts the server on a free port. */
export async function startFakePop3(options: FakePop3Options = {}): Promise<FakePop3Server> {
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    serve(socket, options, commands, (secure) => sockets.add(secure));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    commands,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serve(
  socket: Socket,
  options: FakePop3Options,
  commands: string[],
  track: (socket: Socket) => void,
): void {
  const messages = options.messages ?? [];
  let current: Socket = socket;
  let buffered = '';
  let queue = Promise.resolve();
  let stopped = false;

  const send = async (wire: Buffer, command: string): Promise<void> => {
    const pieces = options.deliver ? options.deliver(wire, command) : [wire];
    for (const piece of pieces) {
      if (stopped) return;
      if (piece === 'stall') {
        stopped = true;
      } else if (piece === 'hang-up') {
        stopped = true;
        current.destroy();
      } else if (Buffer.isBuffer(piece)) {
        current.write(piece);
      } else {
        await new Promise((resolve) => setTimeout(resolve, piece.delayMs));
      }
    }
  };
  const line = (text: string) => Buffer.from(`${text}\r\n`, 'latin1');
  const multi = (status: string, body: Buffer) => Buffer.concat([line(status), dotStuff(body)]);

  const answer = async (command: string): Promise<void> => {
    const [verb = '', ...args] = command.split(' ');
    const message = messages[Number(args[0]) - 1];
    switch (verb.toUpperCase()) {
      case 'CAPA':
        if (options.capabilities === null) return send(line('-ERR unknown command'), command);
        return send(
          multi(
            '+OK',
            Buffer.from((options.capabilities ?? ['USER', 'UIDL', 'TOP']).map((c) => `${c}\r\n`).join('')),
          ),
          command,
        );
      case 'USER':
        return send(line('+OK'), command);
      case 'PASS':
        return send(line(options.passReply ?? '+OK logged in'), command);
      case 'STAT': {
        const total = messages.reduce((sum, m) => sum + m.length, 0);
        return send(line(`+OK ${messages.length} ${total}`), command);
      }
      case 'LIST':
        return send(
          multi('+OK', Buffer.from(messages.map((m, i) => `${i + 1} ${m.length}\r\n`).join(''))),
          command,
        );
      case 'UIDL':
        return send(
          multi('+OK', Buffer.from(messages.map((_, i) => `${i + 1} uid-${i + 1}\r\n`).join(''))),
          command,
        );
      case 'RETR':
        if (!message) return send(line('-ERR no such message'), command);
        return send(multi(`+OK ${message.length} octets`, message), command);
      case 'NOOP':
        return send(line('+OK'), command);
      case 'QUIT':
        await send(line('+OK bye'), command);
        current.end();
        return;
      case 'STLS':
        if (!options.tls) return send(line('-ERR STLS not available'), command);
        // One write, so the injected bytes share the packet with +OK, as a MITM would do it.
        current.write(Buffer.concat([line('+OK Begin TLS'), Buffer.from(options.injectAfterStls ?? '')]));
        startTls(options.tls);
        return;
      default:
        return send(line('-ERR unknown command'), command);
    }
  };

  const onData = (chunk: Buffer): void => {
    buffered += chunk.toString('latin1');
    let index: number;
    while ((index = buffered.indexOf('\r\n')) >= 0) {
      const command = buffered.slice(0, index);
      buffered = buffered.slice(index + 2);
      commands.push(command);
      queue = queue.then(() => answer(command));
    }
  };

  const startTls = (credentials: { key: string; cert: string }): void => {
    current.off('data', onData);
    const secure = new TLSSocket(current, { isServer: true, ...credentials });
    secure.on('error', () => undefined);
    track(secure);
    secure.on('data', onData);
    current = secure;
  };

  socket.on('data', onData);
  void send(line(options.greeting ?? '+OK fake POP3 ready'), 'greeting');
}

/** Delivers the answer in two writes: everything but the last `split` bytes, a pause, the rest. */
export function splitTail(split: number, delayMs: number): (wire: Buffer, command: string) => Piece[] {
  return (wire, command) =>
    command.startsWith('RETR')
      ? [wire.subarray(0, wire.length - split), { delayMs }, wire.subarray(wire.length - split)]
      : [wire];
}
