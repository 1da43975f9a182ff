// The DNS checks the cutover wizard completes its tasks with, as pure functions of the records
// so they are easy to test and to re-run on stored results.
import { normalizeHostName } from './dns-records.ts';
import type {
  MailHostRecords,
  PlaybookCheck,
  RecordSet,
  SpfFacts,
  DmarcFacts,
} from '../../../../shared/reports/dns-report.ts';
import type { MailRecords } from './mail-records.ts';

/** The playbook's limits: below one hour before cutover, 300 s recommended. */
export const TTL_LIMIT_SECONDS = 3600;
export const TTL_RECOMMENDED_SECONDS = 300;

/** What the checks compare against; both are optional. */
export interface Expectations {
  /** The destination's MX host. */
  expectMx?: string | undefined;
  /** The destination's SPF include (e.g. spf.protection.example.net). */
  expectSpfInclude?: string | undefined;
}

/** All playbook checks, in the wizard's order. */
export function playbookChecks(records: MailRecords, expect: Expectations): PlaybookCheck[] {
  return [
    mxTtl(records.mx),
    mailHostTtl(records.mailHosts),
    mxPointsAt(records.mx, expect.expectMx),
    srvPresent(records.srv),
    spfIncludes(records.spf, expect.expectSpfInclude),
    dmarcPresent(records.dmarc),
  ];
}

/** "MX TTL ≤ 3600 (300 recommended)". */
export function mxTtl(mx: RecordSet): PlaybookCheck {
  const label = `MX TTL ≤ ${TTL_LIMIT_SECONDS} (${TTL_RECOMMENDED_SECONDS} recommended)`;
  if (mx.error) return { id: 'mx-ttl', label, status: 'not-checked', detail: mx.error };
  if (mx.ttl === null || !mx.records.some((record) => record.type === 'MX')) {
    return { id: 'mx-ttl', label, status: 'not-checked', detail: `${mx.name} has no MX record` };
  }
  return { id: 'mx-ttl', label, ...ttlVerdict(mx.ttl, `the MX records of ${mx.name}`) };
}

/** The mail host names' TTLs, under the same limits (the highest one counts). */
export function mailHostTtl(hosts: MailHostRecords[]): PlaybookCheck {
  const label = `Mail host name TTLs ≤ ${TTL_LIMIT_SECONDS} (${TTL_RECOMMENDED_SECONDS} recommended)`;
  const sets = hosts.filter((host) => !host.a.fromResolver && host.a.ttl !== null);
  if (sets.length === 0) {
    return { id: 'mail-host-ttl', label, status: 'not-checked', detail: 'no mail host name in this domain' };
  }
  const highest = sets.reduce((worst, host) => ((host.a.ttl ?? 0) > (worst.a.ttl ?? 0) ? host : worst));
  return { id: 'mail-host-ttl', label, ...ttlVerdict(highest.a.ttl ?? 0, highest.host) };
}

/** "MX points at the destination": every MX host is the destination's. */
export function mxPointsAt(mx: RecordSet, expectMx: string | undefined): PlaybookCheck {
  const label = 'MX points at the destination';
  if (!expectMx)
    return {
      id: 'mx-points-at-destination',
      label,
      status: 'not-checked',
      detail: 'no destination MX given',
    };
  const expected = normalizeHostName(expectMx);
  const exchanges = mxHosts(mx);
  if (mx.error) return { id: 'mx-points-at-destination', label, status: 'not-checked', detail: mx.error };
  if (exchanges.length === 0) {
    return {
      id: 'mx-points-at-destination',
      label,
      status: 'fail',
      detail: `${mx.name} has no MX record yet`,
    };
  }
  const others = exchanges.filter((host) => host !== expected);
  if (others.length === 0) {
    return { id: 'mx-points-at-destination', label, status: 'pass', detail: `MX points at ${expected}` };
  }
  return {
    id: 'mx-points-at-destination',
    label,
    status: 'fail',
    detail: `MX points at ${exchanges.join(', ')}${exchanges.includes(expected) ? `; remove ${others.join(', ')}` : `, not ${expected}`}`,
  };
}

/** "SRV records present": at least one for incoming mail and one for submission. */
export function srvPresent(srv: RecordSet[]): PlaybookCheck {
  const label = 'SRV records present (RFC 6186 / RFC 8314)';
  const present = srv
    .filter((set) =>
      set.records.some((record) => record.type === 'SRV' && normalizeHostName(record.value.target) !== ''),
    )
    .map((set) => set.name.split('.').slice(0, 2).join('.'));
  const incoming = present.filter((name) => /^_(imaps?|pop3s?)\./.test(name));
  const outgoing = present.filter((name) => /^_submissions?\./.test(name));
  if (incoming.length > 0 && outgoing.length > 0) {
    return { id: 'srv-present', label, status: 'pass', detail: `found ${present.join(', ')}` };
  }
  if (present.length > 0) {
    const missing =
      incoming.length === 0
        ? 'incoming mail (_imaps._tcp or _imap._tcp)'
        : 'sending (_submissions._tcp or _submission._tcp)';
    return {
      id: 'srv-present',
      label,
      status: 'warn',
      detail: `found ${present.join(', ')}; none for ${missing}`,
    };
  }
  return {
    id: 'srv-present',
    label,
    status: 'fail',
    detail: 'no mail SRV records, so mail apps cannot set themselves up',
  };
}

/** "SPF includes the destination's outbound relays" (when the destination's include is given). */
export function spfIncludes(spf: SpfFacts, include: string | undefined): PlaybookCheck {
  const label = "SPF includes the destination's outbound relays";
  if (spf.recordCount > 1) {
    return {
      id: 'spf-includes-destination',
      label,
      status: 'fail',
      detail: `${spf.recordCount} SPF records: receivers treat that as an error; merge them into one`,
    };
  }
  if (!include)
    return {
      id: 'spf-includes-destination',
      label,
      status: 'not-checked',
      detail: 'no destination SPF include given',
    };
  const wanted = normalizeHostName(include);
  if (!spf.record)
    return {
      id: 'spf-includes-destination',
      label,
      status: 'fail',
      detail: `no SPF record; publish one with include:${wanted}`,
    };
  if (spf.includes.includes(wanted))
    return { id: 'spf-includes-destination', label, status: 'pass', detail: `SPF has include:${wanted}` };
  return {
    id: 'spf-includes-destination',
    label,
    status: 'fail',
    detail: `SPF lacks include:${wanted} ("${spf.record}")`,
  };
}

/** DMARC is recommended, not required: missing is a warning. */
export function dmarcPresent(dmarc: DmarcFacts): PlaybookCheck {
  const label = 'DMARC record present';
  if (!dmarc.record)
    return { id: 'dmarc-present', label, status: 'warn', detail: 'no DMARC record at _dmarc' };
  return { id: 'dmarc-present', label, status: 'pass', detail: `policy ${dmarc.policy ?? 'not set'}` };
}

/** The exchanges of an MX set, lowest preference first, normalised. */
export function mxHosts(mx: RecordSet): string[] {
  return mx.records
    .flatMap((record) => (record.type === 'MX' ? [record.value] : []))
    .sort((a, b) => a.preference - b.preference)
    .map((value) => normalizeHostName(value.exchange));
}

function ttlVerdict(ttl: number, what: string): Pick<PlaybookCheck, 'status' | 'detail'> {
  if (ttl <= TTL_RECOMMENDED_SECONDS) return { status: 'pass', detail: `TTL of ${what} is ${ttl} s` };
  if (ttl <= TTL_LIMIT_SECONDS) {
    return {
      status: 'warn',
      detail: `TTL of ${what} is ${ttl} s: within the limit; ${TTL_RECOMMENDED_SECONDS} s is recommended`,
    };
  }
  return {
    status: 'fail',
    detail: `TTL of ${what} is ${ttl} s: lower it to ${TTL_RECOMMENDED_SECONDS} s at least two weeks before cutover`,
  };
}
