// DNS answers as plain, JSON-friendly data: what reports store and what checks compare.

/** The record types the diagnostics ask for. */
export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'SRV' | 'TXT' | 'SOA';

/** MX data: lower preference is tried first. */
export interface MxValue {
  preference: number;
  exchange: string;
}

/** SRV data (RFC 2782); a target of "." means "this service is not offered here". */
export interface SrvValue {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** One resource record as the server sent it, TTL included. */
export type DnsRecord =
  | { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'NS'; ttl: number; value: string }
  | { name: string; type: 'MX'; ttl: number; value: MxValue }
  | { name: string; type: 'SRV'; ttl: number; value: SrvValue }
  | { name: string; type: 'TXT'; ttl: number; value: string }
  | { name: string; type: 'SOA'; ttl: number; value: { mname: string; rname: string } };
