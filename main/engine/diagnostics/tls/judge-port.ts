// Turns what a port presented into problems and a verdict: dates against the clock, trust from
// OpenSSL's chain verdict, the name from RFC 6125 matching, the TLS version.
import type {
  CertificateFacts,
  PortReport,
  Problem,
  ProblemKind,
  TrustFacts,
} from '../../../../shared/reports/certificate-report.ts';
import { certificateFacts } from './certificate-facts.ts';
import { matchesHostName } from './host-name-match.ts';
import type { MailService } from './mail-ports.ts';
import { SERVICE_INFO } from './mail-ports.ts';
import type { ProbeResult } from './tls-probe.ts';
import { verdictFor } from './verdict-words.ts';

/** Most serious first: the order in which a port's problems are listed and its verdict chosen. */
export const PROBLEM_ORDER: readonly ProblemKind[] = [
  'no-tls',
  'expired',
  'not-yet-valid',
  'self-signed',
  'untrusted-issuer',
  'name-mismatch',
  'old-tls',
];

// OpenSSL errors about dates only: the chain itself still leads to a trusted root.
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const OLD_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/** A port's report from its probe; the name-mismatch suggestion is filled in later. */
export function judgePort(input: {
  service: MailService;
  port: number;
  address: string;
  servername: string;
  probe: ProbeResult;
  now: Date;
  /** SHA-256 fingerprints the admin chose to trust for this server (see DESIGN: pinning). */
  pinnedFingerprints?: readonly string[] | undefined;
}): PortReport {
  const { service, port, address, servername, probe, now } = input;
  const { mode, direction } = SERVICE_INFO[service];
  const base = { service, port, mode, address, elapsedMs: probe.elapsedMs };
  if (!probe.ok) {
    const noTls = probe.failure.kind === 'no-tls';
    const problems: Problem[] = noTls
      ? [{ kind: 'no-tls', suggestedHost: null, detail: probe.failure.detail }]
      : [];
    return {
      ...base,
      reachable: probe.reachable,
      failure: probe.failure,
      tls: null,
      certificate: null,
      chain: [],
      trust: null,
      problems,
      verdict: verdictFor(noTls ? 'no-tls' : 'unreachable', {
        host: servername,
        failureDetail: probe.failure.detail,
      }),
    };
  }
  const [leafCertificate, ...issuers] = probe.chain;
  if (!leafCertificate) {
    return {
      ...base,
      reachable: true,
      failure: { kind: 'tls-failed', detail: 'the server sent no certificate' },
      tls: { protocol: probe.protocol, cipher: probe.cipher, legacyOnly: probe.legacyOnly },
      certificate: null,
      chain: [],
      trust: null,
      problems: [],
      verdict: verdictFor('unreachable', {
        host: servername,
        failureDetail: 'the server sent no certificate',
      }),
    };
  }
  const leaf = certificateFacts(leafCertificate);
  const pinned = (input.pinnedFingerprints ?? []).some(
    (fingerprint) => normalizeFingerprint(fingerprint) === normalizeFingerprint(leaf.fingerprint256),
  );
  const trust: TrustFacts = {
    chainTrusted: pinned || probe.chainError === null || DATE_ERRORS.has(probe.chainError),
    chainError: probe.chainError,
    pinned,
    nameMatches: matchesHostName(servername, leaf),
    checkedName: servername,
  };
  const problems = findProblems(leaf, trust, probe.protocol, probe.legacyOnly, now);
  const report: PortReport = {
    ...base,
    reachable: true,
    failure: null,
    tls: { protocol: probe.protocol, cipher: probe.cipher, legacyOnly: probe.legacyOnly },
    certificate: leaf,
    chain: issuers.map(certificateFacts),
    trust,
    problems,
    verdict: verdictFor('healthy', { host: servername }),
  };
  return withVerdict(report, servername, direction);
}

/** Recomputes the verdict after the problems changed (e.g. a suggested host was found). */
export function withVerdict(
  report: PortReport,
  servername: string,
  direction: 'incoming' | 'outgoing' | 'incoming and outgoing',
): PortReport {
  const primary = report.problems[0];
  const leaf = report.certificate;
  const verdict = verdictFor(primary?.kind ?? 'healthy', {
    host: servername,
    suggestedHost: primary?.suggestedHost ?? null,
    direction,
    certificateNames: leaf ? namesOf(leaf) : [],
    validFrom: leaf?.validFrom,
    validTo: leaf?.validTo,
    issuer: leaf?.issuer,
    fingerprint256: leaf?.fingerprint256,
    protocol: report.tls?.protocol,
  });
  return { ...report, verdict };
}

function findProblems(
  leaf: CertificateFacts,
  trust: TrustFacts,
  protocol: string,
  legacyOnly: boolean,
  now: Date,
): Problem[] {
  const found: Problem[] = [];
  const add = (kind: ProblemKind, detail: string) => found.push({ kind, suggestedHost: null, detail });
  if (now.getTime() > Date.parse(leaf.validTo)) add('expired', `valid until ${leaf.validTo}`);
  if (now.getTime() < Date.parse(leaf.validFrom)) add('not-yet-valid', `valid from ${leaf.validFrom}`);
  const untrusted = !trust.chainTrusted;
  if (untrusted && leaf.selfSigned)
    add('self-signed', `issued by itself (${trust.chainError ?? 'not trusted'})`);
  else if (untrusted)
    add('untrusted-issuer', `issued by ${leaf.issuer} (${trust.chainError ?? 'not trusted'})`);
  if (!trust.nameMatches)
    add('name-mismatch', `made out to ${namesOf(leaf).join(', ')}, not ${trust.checkedName}`);
  if (OLD_PROTOCOLS.has(protocol) || legacyOnly) add('old-tls', `negotiated ${protocol}`);
  return found.sort((a, b) => PROBLEM_ORDER.indexOf(a.kind) - PROBLEM_ORDER.indexOf(b.kind));
}

function normalizeFingerprint(value: string): string {
  return value.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

function namesOf(leaf: CertificateFacts): string[] {
  return leaf.altNames.length > 0 ? leaf.altNames : [leaf.commonName];
}
