// The plain-text steps before a STARTTLS handshake, done by hand so the check sees exactly
// what the server says: IMAP "a STARTTLS", POP3 "STLS", SMTP "EHLO" then "STARTTLS".
import type { Socket } from 'node:net';
import { createLineReader } from './line-reader.ts';
import type { LineReader } from './line-reader.ts';
import type { MailProtocol } from './mail-ports.ts';
import { ProbeFailure } from './probe-failure.ts';

/**
 * Reads the greeting and asks to start TLS; resolves once the server agreed, so the caller
 * can hand the socket to `tls.connect({ socket })`. Throws a `no-tls` failure when it refuses.
 */
export async function negotiateStarttls(socket: Socket, protocol: MailProtocol): Promise<void> {
  const reader = createLineReader(socket);
  try {
    if (protocol === 'imap') await imap(socket, reader);
    else if (protocol === 'pop3') await pop3(socket, reader);
    else await smtp(socket, reader);
  } finally {
    reader.detach();
  }
}

async function imap(socket: Socket, reader: LineReader): Promise<void> {
  const greeting = await reader.next();
  if (!/^\* (OK|PREAUTH)\b/i.test(greeting)) throw unexpected('IMAP', greeting);
  socket.write('a STARTTLS\r\n');
  for (;;) {
    const line = await reader.next();
    if (line.startsWith('*')) continue;
    if (/^a OK\b/i.test(line)) return;
    if (/^a (NO|BAD)\b/i.test(line)) throw noTls('IMAP', 'STARTTLS', line);
    throw unexpected('IMAP', line);
  }
}

async function pop3(socket: Socket, reader: LineReader): Promise<void> {
  const greeting = await reader.next();
  if (!greeting.startsWith('+OK')) throw unexpected('POP3', greeting);
  socket.write('STLS\r\n');
  const reply = await reader.next();
  if (reply.startsWith('+OK')) return;
  if (reply.startsWith('-ERR')) throw noTls('POP3', 'STLS', reply);
  throw unexpected('POP3', reply);
}

async function smtp(socket: Socket, reader: LineReader): Promise<void> {
  const greeting = await smtpReply(reader);
  if (greeting.code !== 220) throw unexpected('SMTP', greeting.lines.join(' '));
  socket.write(`EHLO ${ehloName(socket)}\r\n`);
  const ehlo = await smtpReply(reader);
  if (ehlo.code !== 250) throw unexpected('SMTP', ehlo.lines.join(' '));
  const offersStarttls = ehlo.lines.slice(1).some((line) => /^STARTTLS\b/i.test(line.slice(4)));
  if (!offersStarttls) {
    throw new ProbeFailure(
      'no-tls',
      'the server does not offer STARTTLS, so passwords would travel unencrypted',
    );
  }
  socket.write('STARTTLS\r\n');
  const reply = await smtpReply(reader);
  if (reply.code !== 220) throw noTls('SMTP', 'STARTTLS', reply.lines.join(' '));
}

// An SMTP reply: "250-first", "250-more", "250 last".
async function smtpReply(reader: LineReader): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  for (;;) {
    const line = await reader.next();
    lines.push(line);
    if (!/^\d{3}[ -]/.test(line) && !/^\d{3}$/.test(line)) throw unexpected('SMTP', line);
    if (line[3] !== '-') return { code: Number(line.slice(0, 3)), lines };
  }
}

// An address literal is always acceptable in EHLO (RFC 5321 4.1.4).
function ehloName(socket: Socket): string {
  const address = socket.localAddress ?? '127.0.0.1';
  return address.includes(':') ? `[IPv6:${address}]` : `[${address}]`;
}

function noTls(protocol: string, command: string, reply: string): ProbeFailure {
  return new ProbeFailure(
    'no-tls',
    `the ${protocol} server refused ${command} ("${clip(reply)}"), so it offers no encryption on this port`,
  );
}

function unexpected(protocol: string, line: string): ProbeFailure {
  return new ProbeFailure('network', `this port did not answer like a ${protocol} server ("${clip(line)}")`);
}

function clip(line: string): string {
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
