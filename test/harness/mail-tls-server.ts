// Minimal node:tls mail servers on 127.0.0.1 that only greet and start TLS: enough to put any
// certificate, TLS version or misbehaviour (silence, no STARTTLS) in front of the checker.
import { createServer as createNetServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { TLSSocket, createServer as createTlsServer } from 'node:tls';
import type { SecureContextOptions, TlsOptions } from 'node:tls';

/** How the test server behaves. */
export interface MailTlsServerOptions {
  protocol: 'imap' | 'pop3' | 'smtp';
  mode: 'starttls' | 'implicit';
  certificate: { certPem: string; keyPem: string; chainPem?: string };
  /** Extra TLS options: versions, ciphers (e.g. TLS 1.0 only). */
  tls?: Pick<TlsOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;
  /** 'silent' accepts and never answers; 'no-starttls' greets but refuses to start TLS. */
  behaviour?: 'normal' | 'silent' | 'no-starttls';
}

/** A running test server. */
export interface MailTlsServer {
  port: number;
  /** How many TCP connections it accepted (proves the checker really connected). */
  connections(): number;
  close(): Promise<void>;
}

/** Starts one test server on a free port of 127.0.0.1. */
export async function startMailTlsServer(options: MailTlsServerOptions): Promise<MailTlsServer> {
  const secure: SecureContextOptions & TlsOptions = {
    cert: options.certificate.chainPem
      ? `${options.certificate.certPem}${options.certificate.chainPem}`
      : options.certificate.certPem,
    key: options.certificate.keyPem,
    ...options.tls,
  };
  // The outermost socket of each connection (the TLSSocket once TLS started): destroying the
  // TCP socket under a live TLSSocket crashes Node 24, so only outermost sockets are destroyed.
  const sockets = new Set<Socket>();
  let accepted = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const behaviour = options.behaviour ?? 'normal';
  let server: Server;
  if (options.mode === 'implicit' && behaviour !== 'silent') {
    server = createTlsServer(secure, (socket) => {
      track(socket);
      socket.write(greeting(options.protocol));
      socket.on('data', () => undefined);
    });
    server.on('connection', () => accepted++);
    server.on('tlsClientError', () => undefined);
  } else {
    server = createNetServer((socket) => {
      accepted++;
      track(socket);
      if (behaviour === 'silent') return;
      socket.write(greeting(options.protocol));
      converse(socket, options.protocol, behaviour === 'no-starttls', secure, (tls) => {
        sockets.delete(socket);
        track(tls);
      });
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function greeting(protocol: MailTlsServerOptions['protocol']): string {
  if (protocol === 'imap') return '* OK [CAPABILITY IMAP4rev1 STARTTLS] test server ready\r\n';
  if (protocol === 'pop3') return '+OK test server ready\r\n';
  return '220 test.invalid ESMTP test server\r\n';
}

function converse(
  socket: Socket,
  protocol: MailTlsServerOptions['protocol'],
  refuse: boolean,
  secure: TlsOptions,
  onTls: (tls: TLSSocket) => void,
): void {
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      const reply = answer(protocol, line, refuse);
      socket.write(reply.text);
      if (reply.startTls) {
        socket.off('data', onData);
        onTls(new TLSSocket(socket, { ...secure, isServer: true }));
        return;
      }
    }
  };
  socket.on('data', onData);
}

function answer(
  protocol: MailTlsServerOptions['protocol'],
  line: string,
  refuse: boolean,
): { text: string; startTls: boolean } {
  const [first = '', second = ''] = line.split(' ');
  if (protocol === 'imap') {
    if (second.toUpperCase() === 'STARTTLS') {
      return refuse
        ? { text: `${first} BAD STARTTLS not available\r\n`, startTls: false }
        : { text: `${first} OK Begin TLS now\r\n`, startTls: true };
    }
    return { text: `${first} BAD unknown command\r\n`, startTls: false };
  }
  if (protocol === 'pop3') {
    if (first.toUpperCase() === 'STLS') {
      return refuse
        ? { text: '-ERR STLS not available\r\n', startTls: false }
        : { text: '+OK Begin TLS\r\n', startTls: true };
    }
    return { text: '-ERR unknown command\r\n', startTls: false };
  }
  const command = first.toUpperCase();
  if (command === 'EHLO') {
    return {
      text: `250-test.invalid greets you\r\n250-SIZE 10240000\r\n${refuse ? '' : '250-STARTTLS\r\n'}250 8BITMIME\r\n`,
      startTls: false,
    };
  }
  if (command === 'STARTTLS' && !refuse) return { text: '220 Ready to start TLS\r\n', startTls: true };
  return { text: '502 command not implemented\r\n', startTls: false };
}
