// The resolvers a propagation check compares by default: this device's own and a few public
// ones. Only the CLI and the app pick these; tests always pass their own loopback servers.
import { getServers } from 'node:dns';
import { DNS_PORT, parseDnsServerAddress } from './dns-server-address.ts';
import type { DnsServerAddress } from './dns-server-address.ts';

/** A resolver to compare, with a name people recognise. */
export interface NamedResolver {
  label: string;
  address: DnsServerAddress;
}

/** Well-known public resolvers. */
export const PUBLIC_RESOLVERS: readonly NamedResolver[] = [
  { label: 'Google Public DNS', address: { host: '8.8.8.8', port: DNS_PORT } },
  { label: 'Cloudflare', address: { host: '1.1.1.1', port: DNS_PORT } },
  { label: 'Quad9', address: { host: '9.9.9.9', port: DNS_PORT } },
];

/** This device's configured resolvers (as node:dns reads them) followed by the public ones. */
export function defaultResolvers(
  systemServers: readonly string[] = getServers(),
  publicResolvers: readonly NamedResolver[] = PUBLIC_RESOLVERS,
): NamedResolver[] {
  const system: NamedResolver[] = [];
  for (const server of systemServers) {
    try {
      system.push({ label: 'this device’s resolver', address: parseDnsServerAddress(server) });
    } catch {
      // An entry node:dns prints in a form we do not parse (e.g. with a zone id): leave it out.
    }
  }
  return [...system, ...publicResolvers];
}
