import { describe, expect, it } from 'vitest';
import type { CertificateReport } from '../../../preload/contract.ts';
import {
  portName,
  untrustedCertificate,
  verdictTone,
  worstPort,
} from '../../../renderer/features/check/logic/certificate-words.ts';

type Port = CertificateReport['servers'][number]['ports'][number];

const verdict = (kind: Port['verdict']['kind']) => ({
  kind,
  suggestedHost: null,
  title: kind,
  explanation: '',
  fix: `fix ${kind}`,
  clientMessages: [],
});

const port = (service: Port['service'], kind: Port['verdict']['kind'], trusted: boolean): Port => ({
  service,
  port: service === 'imaps' ? 993 : 143,
  mode: service === 'imaps' ? 'implicit' : 'starttls',
  address: '127.0.0.1',
  reachable: true,
  failure: null,
  tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', legacyOnly: false },
  certificate: {
    commonName: 'localhost',
    subject: 'CN=localhost',
    issuer: 'CN=localhost',
    altNames: ['localhost', '127.0.0.1'],
    validFrom: '2026-01-01T00:00:00Z',
    validTo: '2027-01-01T00:00:00Z',
    fingerprint256: 'AA:BB',
    serialNumber: '01',
    selfSigned: true,
  },
  chain: [],
  trust: {
    chainTrusted: trusted,
    chainError: null,
    pinned: false,
    nameMatches: true,
    checkedName: '127.0.0.1',
  },
  problems: [],
  verdict: verdict(kind),
  elapsedMs: 5,
});

const report = (ports: Port[]): CertificateReport => ({
  kind: 'certificate',
  target: '127.0.0.1',
  targetKind: 'host',
  checkedAt: '2030-03-04T12:00:00Z',
  resolver: 'system',
  servers: [
    {
      host: '127.0.0.1',
      sources: [],
      addresses: ['127.0.0.1'],
      lookupError: null,
      ports,
      verdict: verdict('self-signed'),
      problemsFound: true,
    },
  ],
  verdict: 'self-signed',
  headline: '127.0.0.1: self-signed',
  problemsFound: true,
});

describe('certificate words', () => {
  it('picks the worst port and the certificate to offer for trust', () => {
    const r = report([port('imap', 'healthy', true), port('imaps', 'self-signed', false)]);
    expect(worstPort(r)?.port.service).toBe('imaps');
    expect(untrustedCertificate(r)).toEqual({
      names: ['localhost', '127.0.0.1'],
      fingerprint256: 'AA:BB',
      selfSigned: true,
    });
  });

  it('offers nothing to trust when every certificate is trusted', () => {
    expect(untrustedCertificate(report([port('imaps', 'healthy', true)]))).toBeNull();
  });

  it('names ports and tones in words', () => {
    expect(portName({ service: 'imaps', port: 993 })).toBe('IMAP over TLS, port 993');
    expect(verdictTone('healthy')).toBe('done');
    expect(verdictTone('old-tls')).toBe('partial');
    expect(verdictTone('name-mismatch')).toBe('failed');
  });
});
