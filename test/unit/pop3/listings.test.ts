// CAPA, LIST and UIDL bodies, certificate names and fingerprints parse as servers send them.
import { describe, expect, it } from 'vitest';
import { parseCapabilities } from '../../../main/infrastructure/protocols/pop3/commands/capa.ts';
import { sameFingerprint } from '../../../main/infrastructure/protocols/pop3/peer-certificate.ts';
import { parseAltNames } from '../../../main/infrastructure/protocols/tls/certificate-names.ts';
import { parseScanListing, parseSize } from '../../../main/infrastructure/protocols/pop3/scan-listing.ts';

describe('listings', () => {
  it('parses CAPA', () => {
    const capabilities = parseCapabilities(
      Buffer.from('CAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nsasl PLAIN LOGIN\r\nSTLS\r\nLOGIN-DELAY 900\r\n'),
    );
    expect(capabilities.get('SASL')).toEqual(['PLAIN', 'LOGIN']);
    expect(capabilities.get('LOGIN-DELAY')).toEqual(['900']);
    expect(capabilities.has('STLS')).toBe(true);
  });

  it('parses LIST and UIDL bodies', () => {
    expect(parseScanListing(Buffer.from('1 120\r\n2 4000\r\n'), 'LIST')).toEqual(
      new Map([
        [1, '120'],
        [2, '4000'],
      ]),
    );
    expect(parseScanListing(Buffer.from('1 000003a44b7ffc3e\r\n2 <x@y>\r\n'), 'UIDL').get(2)).toBe('<x@y>');
    expect(() => parseScanListing(Buffer.from('one 120\r\n'), 'LIST')).toThrow(
      expect.objectContaining({ code: 'PROTOCOL_ERROR' }),
    );
    expect(() => parseSize('12k', 'LIST')).toThrow(expect.objectContaining({ code: 'PROTOCOL_ERROR' }));
  });
});

describe('certificate facts', () => {
  it('reads subjectAltName entries', () => {
    expect(parseAltNames('DNS:localhost, IP Address:127.0.0.1, DNS:*.example.net')).toEqual([
      'localhost',
      '127.0.0.1',
      '*.example.net',
    ]);
    expect(parseAltNames(undefined)).toEqual([]);
  });

  it('compares fingerprints regardless of colons and case', () => {
    const colon = Array.from({ length: 32 }, (_, i) =>
      (i * 7).toString(16).padStart(2, '0').toUpperCase(),
    ).join(':');
    expect(sameFingerprint(colon.toLowerCase().replaceAll(':', ''), colon)).toBe(true);
    expect(sameFingerprint(colon.slice(3), colon)).toBe(false);
    expect(sameFingerprint('', '')).toBe(false);
  });
});
