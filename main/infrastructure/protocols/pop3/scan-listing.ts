// Parses the bodies of LIST and UIDL: one `msg-number value` line each (RFC 1939 §5, §7).
import { Pop3Error } from './pop3-error.ts';

/** `1 120\r\n2 4000\r\n` → Map {1 → '120', 2 → '4000'}; any line break style is accepted. */
export function parseScanListing(body: Buffer, command: string): Map<number, string> {
  const entries = new Map<number, string>();
  for (const line of body.toString('latin1').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^\s*(\d+)\s+(\S+)/.exec(line);
    if (!match) throw malformed(command, line);
    entries.set(Number(match[1]), match[2]!);
  }
  return entries;
}

/** The value as a byte count, or PROTOCOL_ERROR. */
export function parseSize(value: string, command: string): number {
  if (!/^\d+$/.test(value)) throw malformed(command, value);
  return Number(value);
}

function malformed(command: string, line: string): Pop3Error {
  const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
  return new Pop3Error('PROTOCOL_ERROR', `The server's ${command} answer has a malformed line: "${shown}".`, {
    command,
  });
}
