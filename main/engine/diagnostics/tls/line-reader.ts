// Reads the server's lines during the plain-text part of a STARTTLS dialogue, and lets go of
// the socket before the TLS handshake takes it over.
import type { Socket } from 'node:net';
import { ProbeFailure } from './probe-failure.ts';

/** Lines from a socket, one at a time; `detach()` stops listening. */
export interface LineReader {
  next(): Promise<string>;
  detach(): void;
}

const MAX_LINE = 16 * 1024;

/** Starts buffering the socket's data into CRLF-separated lines. */
export function createLineReader(socket: Socket): LineReader {
  let buffer = '';
  const lines: string[] = [];
  let failure: ProbeFailure | null = null;
  let waiter: { resolve(line: string): void; reject(error: Error): void } | null = null;

  const settle = () => {
    if (!waiter) return;
    const current = waiter;
    const line = lines.shift();
    if (line !== undefined) {
      waiter = null;
      current.resolve(line);
    } else if (failure) {
      waiter = null;
      current.reject(failure);
    }
  };
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      lines.push(buffer.slice(0, end).replace(/\r$/, ''));
      buffer = buffer.slice(end + 1);
    }
    if (buffer.length > MAX_LINE)
      failure = new ProbeFailure('network', 'the server sent a line too long to be mail protocol');
    settle();
  };
  const onEnd = () => {
    failure ??= new ProbeFailure('closed-early', 'the server closed the connection during the greeting');
    settle();
  };
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onEnd);

  return {
    next() {
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
        settle();
      });
    },
    detach() {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    },
  };
}
