// RFC 6125 matching (through tls.checkServerIdentity) and the names offered instead.
import { describe, expect, it } from 'vitest';
import { candidateHostNames, matchesHostName } from '../../../main/engine/diagnostics/tls/host-name-match.ts';
import type { CertificateFacts } from '../../../shared/reports/certificate-report.ts';

function certificate(commonName: string, altNames: string[]): CertificateFacts {
  return {
    commonName,
    subject: `CN=${commonName}`,
    issuer: 'CN=Test CA',
    altNames,
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2027-01-01T00:00:00.000Z',
    fingerprint256: 'AA',
    serialNumber: '01',
    selfSigned: false,
  };
}

describe('matchesHostName', () => {
  it('matches a wildcard one label deep, not two, and not the bare domain', () => {
    const wildcard = certificate('*.example.net', ['*.example.net']);
    expect(matchesHostName('mail.example.net', wildcard)).toBe(true);
    expect(matchesHostName('MAIL.Example.NET', wildcard)).toBe(true);
    expect(matchesHostName('a.mail.example.net', wildcard)).toBe(false);
    expect(matchesHostName('example.net', wildcard)).toBe(false);
  });

  it('ignores the common name when there are SANs', () => {
    expect(matchesHostName('cn.example.net', certificate('cn.example.net', ['other.example.net']))).toBe(
      false,
    );
    expect(matchesHostName('cn.example.net', certificate('cn.example.net', []))).toBe(true);
  });

  it('matches an IP address only against IP SANs', () => {
    const withIp = certificate('localhost', ['localhost', '127.0.0.1']);
    expect(matchesHostName('127.0.0.1', withIp)).toBe(true);
    expect(matchesHostName('127.0.0.2', withIp)).toBe(false);
  });
});

describe('candidateHostNames', () => {
  it('offers exact SANs in order, and a wildcard under the typed first label', () => {
    const cert = certificate('luna.example.net', [
      'luna.example.net',
      '*.example.net',
      'mail.customer.com',
      '192.0.2.1',
    ]);
    expect(candidateHostNames('mail.customer.com', cert)).toEqual(['luna.example.net', 'mail.example.net']);
  });

  it('falls back to the common name only without SANs', () => {
    expect(candidateHostNames('x.example.com', certificate('host.example.net', []))).toEqual([
      'host.example.net',
    ]);
  });
});
