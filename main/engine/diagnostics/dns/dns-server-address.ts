// Where a DNS question goes: an address and a port, written "IP", "IP:PORT" or "[IPv6]:PORT"
// on the command line and in the API.
import { isIP } from 'node:net';

/** A DNS server to ask directly (a resolver, or an authoritative server). */
export interface DnsServerAddress {
  host: string;
  port: number;
}

/** The standard DNS port; authoritative servers found through NS records listen here. */
export const DNS_PORT = 53;

/** Parses "192.0.2.1", "192.0.2.1:5353", "2001:db8::1" or "[2001:db8::1]:5353"; throws in words. */
export function parseDnsServerAddress(text: string): DnsServerAddress {
  const value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return checked(bracketed[1] ?? '', bracketed[2], text);
  if (isIP(value) === 6) return { host: value, port: DNS_PORT };
  const [host = '', port, ...rest] = value.split(':');
  if (rest.length > 0) throw new Error(`"${text}" is not an IP address with an optional :port`);
  return checked(host, port, text);
}

/** "127.0.0.1:5353", or "[::1]:53", for reports and messages. */
export function formatDnsServerAddress(server: DnsServerAddress): string {
  return isIP(server.host) === 6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

function checked(host: string, port: string | undefined, text: string): DnsServerAddress {
  if (isIP(host) === 0) throw new Error(`"${text}" is not an IP address (a DNS server is given by its IP)`);
  if (port === undefined) return { host, port: DNS_PORT };
  const number = Number(port);
  if (!/^\d+$/.test(port) || number < 1 || number > 65535) {
    throw new Error(`"${text}" has a port that is not a number from 1 to 65535`);
  }
  return { host, port: number };
}
