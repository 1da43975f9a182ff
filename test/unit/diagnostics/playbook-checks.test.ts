// The wizard's DNS checks on hand-made record sets: TTL limits at their edges, MX target,
// SRV, SPF (one record, the destination's include) and DMARC.
import { describe, expect, it } from 'vitest';
import {
  dmarcPresent,
  mxPointsAt,
  mxTtl,
  spfIncludes,
  srvPresent,
} from '../../../main/engine/diagnostics/dns/playbook-checks.ts';
import { dmarcFacts, spfFacts } from '../../../main/engine/diagnostics/dns/mail-records.ts';
import type { RecordSet } from '../../../shared/reports/dns-report.ts';
import type { DnsRecord } from '../../../main/engine/diagnostics/dns/dns-records.ts';

function set(name: string, type: RecordSet['type'], records: DnsRecord[]): RecordSet {
  const ttl = records.length > 0 ? Math.min(...records.map((record) => record.ttl)) : null;
  return { name, type, server: 'test', fromResolver: false, rcode: 'NOERROR', records, ttl, error: null };
}

const mx = (ttl: number, ...exchanges: string[]) =>
  set(
    'example.com',
    'MX',
    exchanges.map((exchange, index) => ({
      name: 'example.com',
      type: 'MX',
      ttl,
      value: { preference: 10 * (index + 1), exchange },
    })),
  );
const srv = (service: string, target: string) =>
  set(
    `${service}.example.com`,
    'SRV',
    target
      ? [
          {
            name: `${service}.example.com`,
            type: 'SRV',
            ttl: 300,
            value: { priority: 0, weight: 1, port: 993, target },
          },
        ]
      : [],
  );
const txt = (name: string, ...values: string[]) =>
  set(
    name,
    'TXT',
    values.map((value) => ({ name, type: 'TXT', ttl: 600, value })),
  );

describe('MX TTL ≤ 3600 (300 recommended)', () => {
  it('passes at 300, warns from 301 to 3600, fails above', () => {
    expect(mxTtl(mx(300, 'mx.example.net')).status).toBe('pass');
    expect(mxTtl(mx(301, 'mx.example.net')).status).toBe('warn');
    expect(mxTtl(mx(3600, 'mx.example.net')).status).toBe('warn');
    expect(mxTtl(mx(3601, 'mx.example.net'))).toEqual({
      id: 'mx-ttl',
      label: 'MX TTL ≤ 3600 (300 recommended)',
      status: 'fail',
      detail:
        'TTL of the MX records of example.com is 3601 s: lower it to 300 s at least two weeks before cutover',
    });
  });

  it('is not checked without MX records', () => {
    expect(mxTtl(mx(300)).status).toBe('not-checked');
  });
});

describe('MX points at the destination', () => {
  it('passes only when every MX host is the destination', () => {
    expect(mxPointsAt(mx(300, 'MX.Dest.NET.'), 'mx.dest.net').status).toBe('pass');
    expect(mxPointsAt(mx(300, 'mx.dest.net', 'mx.old.net'), 'mx.dest.net')).toMatchObject({
      status: 'fail',
      detail: 'MX points at mx.dest.net, mx.old.net; remove mx.old.net',
    });
    expect(mxPointsAt(mx(300, 'mx.dest.net'), undefined).status).toBe('not-checked');
  });
});

describe('SRV records present', () => {
  it('wants one for incoming mail and one for submission, ignoring "." targets', () => {
    expect(
      srvPresent([srv('_imaps._tcp', 'mail.example.com'), srv('_submission._tcp', 'mail.example.com')])
        .status,
    ).toBe('pass');
    expect(srvPresent([srv('_imaps._tcp', 'mail.example.com'), srv('_submission._tcp', '')])).toMatchObject({
      status: 'warn',
      detail: 'found _imaps._tcp; none for sending (_submissions._tcp or _submission._tcp)',
    });
    expect(srvPresent([srv('_imap._tcp', '.'), srv('_pop3._tcp', '')]).status).toBe('fail');
  });
});

describe('SPF and DMARC', () => {
  it('reads the SPF record and its includes, whatever their qualifier', () => {
    const facts = spfFacts(
      txt('example.com', 'other=1', 'v=spf1 include:_spf.dest.net ~include:spf.old.net -all'),
    );
    expect(facts).toEqual({
      record: 'v=spf1 include:_spf.dest.net ~include:spf.old.net -all',
      ttl: 600,
      includes: ['_spf.dest.net', 'spf.old.net'],
      recordCount: 1,
    });
    expect(spfIncludes(facts, '_spf.dest.net').status).toBe('pass');
    expect(spfIncludes(facts, 'spf.other.net').status).toBe('fail');
    expect(spfIncludes(facts, undefined).status).toBe('not-checked');
  });

  it('fails two SPF records even without an expected include', () => {
    const facts = spfFacts(txt('example.com', 'v=spf1 -all', 'v=spf1 include:x.net -all'));
    expect(spfIncludes(facts, undefined)).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('2 SPF records'),
    });
  });

  it('reads the DMARC policy; a missing record is a warning', () => {
    const dmarc = dmarcFacts(txt('_dmarc.example.com', 'v=DMARC1; p=Reject; pct=100'));
    expect(dmarc.policy).toBe('reject');
    expect(dmarcPresent(dmarc).status).toBe('pass');
    expect(dmarcPresent(dmarcFacts(txt('_dmarc.example.com'))).status).toBe('warn');
  });
});
