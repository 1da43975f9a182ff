// The exported HTML report: self-contained, and every value from a server escaped.
import { describe, expect, it } from 'vitest';
import { formatDnsReport } from '../../../main/engine/diagnostics/report/dns-text.ts';
import { renderReportHtml } from '../../../main/engine/diagnostics/report/render-report-html.ts';
import { escapeHtml } from '../../../main/engine/diagnostics/report/html-escape.ts';
import type { CertificateReport } from '../../../shared/reports/certificate-report.ts';
import type { DnsReport } from '../../../shared/reports/dns-report.ts';
import { verdictFor } from '../../../main/engine/diagnostics/tls/verdict-words.ts';

const hostile = '<script>alert("x")</script>';

const certificateReport: CertificateReport = {
  kind: 'certificate',
  target: `mail.example.com${hostile}`,
  targetKind: 'host',
  checkedAt: '2026-12-01T09:00:00.000Z',
  resolver: '127.0.0.1:53',
  servers: [
    {
      host: 'mail.example.com',
      sources: [{ kind: 'typed', detail: 'the name you typed' }],
      addresses: ['192.0.2.1'],
      lookupError: null,
      ports: [
        {
          service: 'imaps',
          port: 993,
          mode: 'implicit',
          address: '192.0.2.1',
          reachable: true,
          failure: null,
          tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', legacyOnly: false },
          certificate: {
            commonName: hostile,
            subject: `CN=${hostile}`,
            issuer: 'CN=Evil & Co',
            altNames: [hostile],
            validFrom: '2026-01-01T00:00:00.000Z',
            validTo: '2027-01-01T00:00:00.000Z',
            fingerprint256: 'AB:CD',
            serialNumber: '01',
            selfSigned: true,
          },
          chain: [],
          trust: {
            chainTrusted: false,
            chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
            pinned: false,
            nameMatches: false,
            checkedName: 'mail.example.com',
          },
          problems: [{ kind: 'self-signed', suggestedHost: null, detail: 'self' }],
          verdict: verdictFor('self-signed', { host: 'mail.example.com', fingerprint256: 'AB:CD' }),
          elapsedMs: 12,
        },
      ],
      verdict: verdictFor('self-signed', { host: 'mail.example.com', fingerprint256: 'AB:CD' }),
      problemsFound: true,
    },
  ],
  verdict: 'self-signed',
  headline: `mail.example.com: ${hostile}`,
  problemsFound: true,
};

describe('renderReportHtml', () => {
  it('escapes every value and loads nothing from outside', () => {
    const page = renderReportHtml(certificateReport);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('CN=Evil &amp; Co (self-signed)');
    expect(page).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(page).not.toMatch(/\b(src|href)=/);
    expect(page).toContain('The server made its own certificate');
    // The style sheet is the app's own text: not escaped, or the CSS would break.
    expect(page).toContain('"Segoe UI"');
  });

  it('renders a DNS report with its checks and propagation table', () => {
    const dns: DnsReport = {
      kind: 'dns',
      domain: 'example.com',
      checkedAt: '2026-12-01T09:00:00.000Z',
      authorities: [
        { label: 'ns1.example.com (192.0.2.53:53)', address: '192.0.2.53:53', role: 'authoritative' },
      ],
      authoritySource: 'ns',
      authorityError: null,
      mx: {
        name: 'example.com',
        type: 'MX',
        server: 'ns1',
        fromResolver: false,
        rcode: 'NOERROR',
        ttl: 300,
        error: null,
        records: [
          { name: 'example.com', type: 'MX', ttl: 300, value: { preference: 10, exchange: 'mx.dest.net' } },
        ],
      },
      mailProvider: null,
      mailHosts: [],
      srv: [],
      spf: { record: 'v=spf1 include:<b>x</b> -all', ttl: 600, includes: [], recordCount: 1 },
      dmarc: { record: null, ttl: null, policy: null },
      checks: [
        { id: 'mx-ttl', label: 'MX TTL ≤ 3600 (300 recommended)', status: 'pass', detail: 'TTL 300 s' },
      ],
      propagation: [
        {
          question: 'MX example.com',
          expected: ['mx.dest.net'],
          expectedFrom: 'expect-mx',
          answers: [
            {
              server: { label: 'Quad9 (9.9.9.9:53)', address: '9.9.9.9:53', role: 'resolver' },
              answer: ['10 mx.old.net'],
              ttl: 86400,
              error: null,
              agrees: false,
            },
          ],
          agreeing: 0,
        },
      ],
      verdict: 'propagating',
      headline: 'Not everywhere yet',
      problemsFound: true,
    };
    const page = renderReportHtml(dns).replace(/>\s+</g, '><');
    expect(page).toContain('<title>DNS readiness: example.com</title>');
    expect(page).toContain('<code>10 mx.dest.net</code>');
    expect(page).toContain('v=spf1 include:&lt;b&gt;x&lt;/b&gt; -all');
    expect(page).toContain(
      '<td>Quad9 (9.9.9.9:53)</td><td>10 mx.old.net</td><td>86400</td><td class="fail">no</td>',
    );
    // The terminal report names the big provider the MX points at, and nothing for another.
    expect(formatDnsReport(dns)).not.toContain('Mail for');
    expect(formatDnsReport({ ...dns, mailProvider: 'microsoft-365' })).toContain(
      'Mail for example.com goes to Microsoft 365: in Cutover use the microsoft-365 preset (--source microsoft-365 or --dest microsoft-365) with an OAuth2 sign-in.',
    );
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
