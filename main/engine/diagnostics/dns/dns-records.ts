// DNS answers as plain, JSON-friendly data: what reports store and what checks compare.

import type { DnsRecord, DnsRecordType, MxValue, SrvValue } from '../../../../shared/reports/dns-record.ts';

export type { DnsRecord, DnsRecordType, MxValue, SrvValue };

/** Host names compare without case and without the root dot. */
export function normalizeHostName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** A record's value as one line of text, for comparing answers and for people. */
export function recordText(record: DnsRecord): string {
  switch (record.type) {
    case 'MX':
      return `${record.value.preference} ${normalizeHostName(record.value.exchange)}`;
    case 'SRV': {
      const { priority, weight, port, target } = record.value;
      return `${priority} ${weight} ${port} ${normalizeHostName(target) || '.'}`;
    }
    case 'SOA':
      return `${normalizeHostName(record.value.mname)} ${normalizeHostName(record.value.rname)}`;
    case 'TXT':
      return record.value;
    case 'CNAME':
    case 'NS':
      return normalizeHostName(record.value);
    default:
      return record.value;
  }
}
