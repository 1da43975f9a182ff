// The roots a chain is judged against: Node's bundled roots plus NODE_EXTRA_CA_CERTS (what this
// device trusts), plus any CA a test or an admin passes for one check.
import { getCACertificates } from 'node:tls';

/**
 * The `ca` list for one check's sockets, or undefined to keep Node's default store. Passing
 * `ca` replaces the default store, so the defaults are included explicitly.
 */
export function trustedRoots(extra: readonly string[] | undefined): string[] | undefined {
  if (!extra || extra.length === 0) return undefined;
  return [...getCACertificates('default'), ...extra];
}
