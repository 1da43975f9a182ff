// Lining answers up: against --expect-mx, or against the authoritative answer; errors and
// CNAMEs handled.
import { describe, expect, it } from 'vitest';
import { compareAnswers } from '../../../main/engine/diagnostics/dns/propagation.ts';
import type { DnsQueryResult } from '../../../main/engine/diagnostics/dns/dns-client.ts';
import type { AskedServer } from '../../../shared/reports/dns-report.ts';
import type { DnsRecord } from '../../../main/engine/diagnostics/dns/dns-records.ts';

const authority: AskedServer = { label: 'ns1', address: '192.0.2.53:53', role: 'authoritative' };
const resolverA: AskedServer = { label: 'A', address: '192.0.2.1:53', role: 'resolver' };
const resolverB: AskedServer = { label: 'B', address: '192.0.2.2:53', role: 'resolver' };

const answer = (...answers: DnsRecord[]): DnsQueryResult => ({
  ok: true,
  rcode: 'NOERROR',
  authoritative: false,
  answers,
  authorities: [],
});
const mx = (exchange: string, ttl = 300): DnsRecord => ({
  name: 'example.com',
  type: 'MX',
  ttl,
  value: { preference: 10, exchange },
});

describe('compareAnswers', () => {
  it('with --expect-mx, agrees only where every MX is the destination', () => {
    const row = compareAnswers(
      { name: 'example.com', type: 'MX', expectHost: 'mx.dest.net' },
      [authority, resolverA, resolverB],
      [
        answer(mx('mx.dest.net')),
        answer(mx('mx.old.net', 86400)),
        { ok: false, error: 'timed-out', detail: 'no answer' },
      ],
    );
    expect(row.expected).toEqual(['mx.dest.net']);
    expect(
      row.answers.map((entry) => [entry.server.label, entry.answer, entry.ttl, entry.agrees, entry.error]),
    ).toEqual([
      ['ns1', ['10 mx.dest.net'], 300, true, null],
      ['A', ['10 mx.old.net'], 86400, false, null],
      ['B', null, null, false, 'no answer'],
    ]);
    expect(row.agreeing).toBe(1);
  });

  it('without an expectation, compares with the authoritative answer, CNAME hop first', () => {
    const cname: DnsRecord = { name: 'mail.example.com', type: 'CNAME', ttl: 600, value: 'luna.dest.net' };
    const a: DnsRecord = { name: 'luna.dest.net', type: 'A', ttl: 60, value: '192.0.2.9' };
    const row = compareAnswers(
      { name: 'mail.example.com', type: 'A' },
      [authority, resolverA, resolverB],
      [
        answer(cname),
        answer(cname, a),
        answer({ name: 'mail.example.com', type: 'A', ttl: 3600, value: '198.51.100.1' }),
      ],
    );
    expect(row.expectedFrom).toBe('authoritative');
    expect(row.expected).toEqual(['CNAME luna.dest.net']);
    expect(row.answers.map((entry) => [entry.agrees, entry.ttl])).toEqual([
      [true, 600],
      [true, 600],
      [false, 3600],
    ]);
  });
});
