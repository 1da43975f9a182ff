// CAPA (RFC 2449): what the server supports, e.g. STLS, SASL PLAIN, UIDL, TOP, LOGIN-DELAY.
import type { Pop3Connection } from '../pop3-connection.ts';

/** Capability name (upper case) → its arguments, e.g. `SASL` → `['PLAIN', 'LOGIN']`. */
export type Capabilities = ReadonlyMap<string, readonly string[]>;

/** Asks for the capabilities; undefined when the server predates CAPA (answers -ERR). */
export async function capa(connection: Pop3Connection): Promise<Capabilities | undefined> {
  const response = await connection.exchange({
    line: 'CAPA',
    body: 'if-ok',
    activity: 'while listing its capabilities',
  });
  if (response.status !== 'ok' || !response.body) return undefined;
  return parseCapabilities(response.body);
}

/** Parses a CAPA body; later duplicates win. */
export function parseCapabilities(body: Buffer): Capabilities {
  const capabilities = new Map<string, string[]>();
  for (const line of body.toString('latin1').split(/\r?\n/)) {
    const [name, ...args] = line.trim().split(/\s+/);
    if (name) capabilities.set(name.toUpperCase(), args);
  }
  return capabilities;
}
