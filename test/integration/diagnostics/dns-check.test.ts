// DNS readiness against real Knot DNS servers on 127.0.0.1: one authoritative server with the
// new records and distinct TTLs, one "resolver" that agrees and one that still has the old
// ones, to prove TTLs come from the authority and propagation is reported server by server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDns } from '../../../main/engine/diagnostics/dns/check-dns.ts';
import type { CheckDnsOptions } from '../../../main/engine/diagnostics/dns/check-dns.ts';
import { recordText } from '../../../main/engine/diagnostics/dns/dns-records.ts';
import type { DnsReport } from '../../../shared/reports/dns-report.ts';
import { startDnsServer } from '../../harness/dns-server.ts';
import type { TestDnsServer } from '../../harness/dns-server.ts';

const NEW_ZONE = [
  '@ 86400 IN NS ns1.customer.test.',
  'ns1 86400 IN A 127.0.0.1',
  '@ 300 IN MX 10 mx.dest.test.',
  'mail 600 IN CNAME luna.dest.test.',
  'webmail 1200 IN A 127.0.0.1',
  '_imaps._tcp 3600 IN SRV 0 1 993 luna.dest.test.',
  '_submission._tcp 3600 IN SRV 0 1 587 luna.dest.test.',
  '_pop3._tcp 3600 IN SRV 0 0 0 .',
  '@ 900 IN TXT "v=spf1 include:spf.dest.test -all"',
  '@ 900 IN TXT "google-site-verification=abc"',
  '_dmarc 1800 IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@customer.test"',
];
const OLD_ZONE = [
  '@ 86400 IN NS ns1.customer.test.',
  'ns1 86400 IN A 127.0.0.1',
  '@ 86400 IN MX 10 mx1.old.test.',
  '@ 86400 IN MX 20 mx2.old.test.',
  'mail 7200 IN CNAME mail.old.test.',
  '@ 7200 IN TXT "v=spf1 include:spf.old.test ~all"',
];
const DEST_ZONE = [
  'mx 300 IN A 127.0.0.1',
  'luna 300 IN A 127.0.0.1',
  'spf 300 IN TXT "v=spf1 ip4:127.0.0.1 -all"',
];

let authority: TestDnsServer;
let fresh: TestDnsServer;
let stale: TestDnsServer;

beforeAll(async () => {
  [authority, fresh, stale] = await Promise.all([
    startDnsServer({ zones: [{ origin: 'customer.test', records: NEW_ZONE }] }),
    startDnsServer({
      zones: [
        { origin: 'customer.test', records: NEW_ZONE },
        { origin: 'dest.test', records: DEST_ZONE },
      ],
    }),
    startDnsServer({ zones: [{ origin: 'customer.test', records: OLD_ZONE }] }),
  ]);
});

afterAll(async () => {
  await Promise.all([authority?.stop(), fresh?.stop(), stale?.stop()]);
});

const clock = { now: () => new Date('2026-12-01T09:00:00Z') };

function options(extra: Partial<CheckDnsOptions> = {}): CheckDnsOptions {
  return {
    resolvers: [
      { label: 'fresh resolver', address: { host: '127.0.0.1', port: fresh.port } },
      { label: 'stale resolver', address: { host: '127.0.0.1', port: stale.port } },
    ],
    authorities: [{ host: '127.0.0.1', port: authority.port }],
    timeoutMs: 2_000,
    ...extra,
  };
}

function check(report: DnsReport, id: string) {
  const found = report.checks.find((entry) => entry.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

describe('DNS readiness', () => {
  it('reads MX, CNAME, A, SRV, SPF and DMARC with the TTLs the authoritative server gives', async () => {
    const report = await checkDns('Customer.Test.', options({ expectMx: 'mx.dest.test' }), { clock });
    expect(report.domain).toBe('customer.test');
    expect(report.checkedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(report.authoritySource).toBe('given');
    expect(report.mx.records.map(recordText)).toEqual(['10 mx.dest.test']);
    expect(report.mx.ttl).toBe(300);
    expect(report.mx.server).toBe(`given authority (127.0.0.1:${authority.port})`);
    const srv = Object.fromEntries(
      report.srv.map((set) => [set.name, [set.records.map(recordText), set.ttl]]),
    );
    expect(srv).toEqual({
      '_imaps._tcp.customer.test': [['0 1 993 luna.dest.test'], 3600],
      '_imap._tcp.customer.test': [[], null],
      '_pop3s._tcp.customer.test': [[], null],
      '_pop3._tcp.customer.test': [['0 0 0 .'], 3600],
      '_submissions._tcp.customer.test': [[], null],
      '_submission._tcp.customer.test': [['0 1 587 luna.dest.test'], 3600],
    });
    expect(report.spf).toEqual({
      record: 'v=spf1 include:spf.dest.test -all',
      ttl: 900,
      includes: ['spf.dest.test'],
      recordCount: 1,
    });
    expect(report.dmarc).toEqual({
      record: 'v=DMARC1; p=quarantine; rua=mailto:d@customer.test',
      ttl: 1800,
      policy: 'quarantine',
    });
    const hosts = Object.fromEntries(report.mailHosts.map((host) => [host.host, host]));
    expect(Object.keys(hosts).sort()).toEqual(['luna.dest.test', 'mail.customer.test', 'mx.dest.test']);
    expect(hosts['mail.customer.test']?.a.records.map(recordText)).toEqual(['luna.dest.test']);
    expect(hosts['mail.customer.test']?.a.ttl).toBe(600);
    expect(hosts['mail.customer.test']?.a.fromResolver).toBe(false);
    // Out of the domain: asked of the first resolver.
    expect(hosts['luna.dest.test']?.a).toMatchObject({ fromResolver: true, ttl: 300 });
    expect(hosts['mx.dest.test']?.reason).toBe('MX');
    expect(hosts['luna.dest.test']?.reason).toBe('SRV _imaps._tcp');
    // mx.dest.test is no big provider's exchanger.
    expect(report.mailProvider).toBeNull();
  });

  it('passes the playbook checks and reports propagation server by server', async () => {
    const report = await checkDns(
      'customer.test',
      options({ expectMx: 'mx.dest.test', expectSpfInclude: 'spf.dest.test' }),
      { clock },
    );
    expect(report.checks.map((entry) => [entry.id, entry.status])).toEqual([
      ['mx-ttl', 'pass'],
      ['mail-host-ttl', 'warn'],
      ['mx-points-at-destination', 'pass'],
      ['srv-present', 'pass'],
      ['spf-includes-destination', 'pass'],
      ['dmarc-present', 'pass'],
    ]);
    expect(check(report, 'mx-ttl').label).toBe('MX TTL ≤ 3600 (300 recommended)');
    expect(check(report, 'mail-host-ttl').detail).toContain('mail.customer.test is 600 s');
    const mx = report.propagation.find((row) => row.question === 'MX customer.test');
    expect(mx?.expected).toEqual(['mx.dest.test']);
    expect(mx?.expectedFrom).toBe('expect-mx');
    expect(
      mx?.answers.map((answer) => [answer.server.label, answer.answer, answer.ttl, answer.agrees]),
    ).toEqual([
      [`given authority (127.0.0.1:${authority.port})`, ['10 mx.dest.test'], 300, true],
      [`fresh resolver (127.0.0.1:${fresh.port})`, ['10 mx.dest.test'], 300, true],
      [`stale resolver (127.0.0.1:${stale.port})`, ['10 mx1.old.test', '20 mx2.old.test'], 86400, false],
    ]);
    expect(mx?.agreeing).toBe(2);
    const mail = report.propagation.find((row) => row.question === 'A mail.customer.test');
    expect(mail?.expectedFrom).toBe('authoritative');
    expect(mail?.expected).toEqual(['CNAME luna.dest.test']);
    expect(mail?.answers.map((answer) => answer.agrees)).toEqual([true, true, false]);
    expect(report.verdict).toBe('propagating');
    expect(report.headline).toBe(
      `Not everywhere yet: stale resolver (127.0.0.1:${stale.port}) still gives another answer; wait for the old TTL to pass.`,
    );
    expect(report.problemsFound).toBe(true);
  });

  it('is ready when every server agrees', async () => {
    const report = await checkDns(
      'customer.test',
      options({
        expectMx: 'mx.dest.test',
        resolvers: [{ label: 'fresh', address: { host: '127.0.0.1', port: fresh.port } }],
      }),
      { clock },
    );
    expect(report.verdict).toBe('ready');
    expect(report.problemsFound).toBe(false);
  });

  it('fails the checks on the old records (long TTLs, old MX, no SRV, SPF without the destination)', async () => {
    const report = await checkDns(
      'customer.test',
      options({
        authorities: [{ host: '127.0.0.1', port: stale.port }],
        expectMx: 'mx.dest.test',
        expectSpfInclude: 'spf.dest.test',
      }),
      { clock },
    );
    expect(report.checks.map((entry) => [entry.id, entry.status])).toEqual([
      ['mx-ttl', 'fail'],
      ['mail-host-ttl', 'fail'],
      ['mx-points-at-destination', 'fail'],
      ['srv-present', 'fail'],
      ['spf-includes-destination', 'fail'],
      ['dmarc-present', 'warn'],
    ]);
    expect(check(report, 'mx-ttl').detail).toBe(
      'TTL of the MX records of customer.test is 86400 s: lower it to 300 s at least two weeks before cutover',
    );
    expect(check(report, 'mx-points-at-destination').detail).toBe(
      'MX points at mx1.old.test, mx2.old.test, not mx.dest.test',
    );
    expect(check(report, 'spf-includes-destination').detail).toBe(
      'SPF lacks include:spf.dest.test ("v=spf1 include:spf.old.test ~all")',
    );
    expect(report.verdict).toBe('not-ready');
    expect(report.problemsFound).toBe(true);
  });

  it('finds the authoritative servers through NS records when no authority is given', async () => {
    const report = await checkDns(
      'customer.test',
      options({ authorities: undefined, authorityPort: authority.port }),
      {
        clock,
      },
    );
    expect(report.authoritySource).toBe('ns');
    expect(report.authorities).toEqual([
      {
        label: `ns1.customer.test (127.0.0.1:${authority.port})`,
        address: `127.0.0.1:${authority.port}`,
        role: 'authoritative',
      },
    ]);
    expect(report.mx.ttl).toBe(300);
  });

  it('says which server did not answer, without calling it out of date', async () => {
    const report = await checkDns(
      'customer.test',
      options({
        expectMx: 'mx.dest.test',
        resolvers: [
          { label: 'fresh', address: { host: '127.0.0.1', port: fresh.port } },
          { label: 'gone', address: { host: '127.0.0.1', port: 1 } },
        ],
      }),
      { clock },
    );
    const gone = report.propagation[0]?.answers.find(
      (answer) => answer.server.label === 'gone (127.0.0.1:1)',
    );
    expect(gone).toMatchObject({
      answer: null,
      agrees: false,
      error: 'nothing answers DNS at 127.0.0.1 port 1 (connection refused)',
    });
    expect(report.verdict).toBe('ready');
    expect(report.headline).toContain('No answer from gone (127.0.0.1:1).');
  });
});
