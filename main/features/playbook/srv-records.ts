// The SRV records that let mail apps find the new servers by themselves (RFC 6186), implicit
// TLS first as RFC 8314 advises, computed from the new server's profile.
import type { ServerProfile } from '../../../preload/contract.ts';
import { normalizeHostName } from '../../engine/diagnostics/dns/dns-records.ts';

export interface WantedSrv {
  domain: string;
  /** e.g. `_imaps._tcp.example.com`. */
  name: string;
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** The TTL suggested for the new records. */
export const SRV_TTL_SECONDS = 3600;

/**
 * Incoming mail on the protocol the new server is reached with, and submission on 465
 * (implicit TLS) and 587 (STARTTLS). Cutover assumes mail is sent through the same host name.
 */
export function wantedSrvRecords(domain: string, destination: ServerProfile): WantedSrv[] {
  const target = normalizeHostName(destination.host);
  const record = (service: string, port: number): WantedSrv => ({
    domain,
    name: `${service}._tcp.${domain}`,
    priority: 0,
    weight: 1,
    port,
    target,
  });
  const incoming =
    destination.protocol === 'imap'
      ? record('_imap', destination.ports.imap)
      : record('_imaps', destination.ports.imaps);
  return [incoming, record('_submissions', 465), record('_submission', 587)];
}

/** `priority weight port target`, as DNS answers are compared. */
export function srvValue(record: Pick<WantedSrv, 'priority' | 'weight' | 'port' | 'target'>): string {
  return `${record.priority} ${record.weight} ${record.port} ${record.target}`;
}

/** The line to paste into a zone file or a DNS provider's form. */
export function zoneLine(record: WantedSrv): string {
  return `${record.name}. ${SRV_TTL_SECONDS} IN SRV ${record.priority} ${record.weight} ${record.port} ${record.target}.`;
}
