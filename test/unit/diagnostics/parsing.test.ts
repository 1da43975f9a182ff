// Parsing what users type: DNS server addresses, --ports, check targets, certificate names.
import { describe, expect, it } from 'vitest';
import {
  formatDnsServerAddress,
  parseDnsServerAddress,
} from '../../../main/engine/diagnostics/dns/dns-server-address.ts';
import { DEFAULT_PORTS, parsePortsOption } from '../../../main/engine/diagnostics/tls/mail-ports.ts';
import { parseTarget } from '../../../main/engine/diagnostics/tls/check-server.ts';
import {
  certificateNames,
  parseAltNames,
} from '../../../main/infrastructure/protocols/tls/certificate-names.ts';

describe('parseDnsServerAddress', () => {
  it('reads IPv4 and IPv6, with and without a port (53 by default)', () => {
    expect(parseDnsServerAddress('192.0.2.1')).toEqual({ host: '192.0.2.1', port: 53 });
    expect(parseDnsServerAddress('127.0.0.1:5353')).toEqual({ host: '127.0.0.1', port: 5353 });
    expect(parseDnsServerAddress('2001:db8::1')).toEqual({ host: '2001:db8::1', port: 53 });
    expect(parseDnsServerAddress('[::1]:5353')).toEqual({ host: '::1', port: 5353 });
  });

  it('refuses names and bad ports in words', () => {
    expect(() => parseDnsServerAddress('dns.example.com')).toThrow('"dns.example.com" is not an IP address');
    expect(() => parseDnsServerAddress('127.0.0.1:0')).toThrow('not a number from 1 to 65535');
    expect(() => parseDnsServerAddress('127.0.0.1:70000')).toThrow('not a number from 1 to 65535');
  });

  it('formats IPv6 in brackets', () => {
    expect(formatDnsServerAddress({ host: '::1', port: 53 })).toBe('[::1]:53');
    expect(formatDnsServerAddress({ host: '127.0.0.1', port: 5353 })).toBe('127.0.0.1:5353');
  });
});

describe('parsePortsOption', () => {
  it('overrides the standard ports, 0 skipping one', () => {
    expect(DEFAULT_PORTS).toEqual({
      imap: 143,
      imaps: 993,
      pop3: 110,
      pop3s: 995,
      submission: 587,
      submissions: 465,
    });
    expect(parsePortsOption('imap=1143, pop3=0')).toEqual({ ...DEFAULT_PORTS, imap: 1143, pop3: 0 });
  });

  it('rejects unknown services and ports out of range', () => {
    expect(() => parsePortsOption('smtp=25')).toThrow('"smtp=25" is not service=port');
    expect(() => parsePortsOption('imap=65536')).toThrow('a port is a number from 0 (skip) to 65535');
  });
});

describe('parseTarget', () => {
  it('tells an e-mail address from a host name', () => {
    expect(parseTarget(' Alice@Example.COM ')).toEqual({ kind: 'email', domain: 'example.com' });
    expect(parseTarget('Mail.Example.com.')).toEqual({ kind: 'host', host: 'mail.example.com' });
    expect(parseTarget('192.0.2.7')).toEqual({ kind: 'host', host: '192.0.2.7' });
  });

  it('refuses what is neither', () => {
    expect(() => parseTarget('@example.com')).toThrow('is not an e-mail address');
    expect(() => parseTarget('mail server')).toThrow('is not a server name');
  });
});

describe('parseAltNames', () => {
  it("reads Node's subjectAltName text, quoted names included", () => {
    expect(parseAltNames('DNS:a.example.net, DNS:*.example.net, IP Address:192.0.2.1')).toEqual([
      'a.example.net',
      '*.example.net',
      '192.0.2.1',
    ]);
    expect(parseAltNames('DNS:"odd,name.example"')).toEqual(['odd,name.example']);
    expect(parseAltNames(undefined)).toEqual([]);
  });

  it('falls back to the common name only when there are no alternative names', () => {
    expect(
      certificateNames({ subjectAltName: undefined, subject: 'O=Old ISP\nCN=mail.old.example' }),
    ).toEqual(['mail.old.example']);
    expect(certificateNames({ subjectAltName: 'DNS:a.example', subject: 'CN=b.example' })).toEqual([
      'a.example',
    ]);
  });
});
