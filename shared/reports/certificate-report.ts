// What a certificate check finds, as plain JSON-serialisable data: the CLI prints it, the app
// stores it (diagnostic_results.result) and the HTML export renders it.
import type { MailService, TlsMode } from './mail-service.ts';

/** What one certificate says, in the terms a report shows. */
export interface CertificateFacts {
  /** The subject's common name, or the whole subject when it has none. */
  commonName: string;
  subject: string;
  issuer: string;
  /** subjectAltName entries: DNS names (wildcards kept) and IP addresses. */
  altNames: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Colon-separated uppercase hex, as Node and most tools print it. */
  fingerprint256: string;
  serialNumber: string;
  /** Issued by itself (its own key signed it). */
  selfSigned: boolean;
}

/** Why a port could not be checked: reachability first, then the TLS start. */
export type PortFailureKind =
  'name-not-found' | 'refused' | 'timed-out' | 'closed-early' | 'network' | 'no-tls' | 'tls-failed';

/** A certificate or TLS problem; the fix depends on which. */
export type ProblemKind =
  'no-tls' | 'expired' | 'not-yet-valid' | 'self-signed' | 'untrusted-issuer' | 'name-mismatch' | 'old-tls';

/** A port's or a server's overall verdict: a problem, all well, or nothing answered. */
export type VerdictKind = ProblemKind | 'healthy' | 'unreachable';

/** What a mail client shows for a problem, so a user recognises their dialog. */
export interface ClientMessage {
  client: 'Thunderbird' | 'Apple Mail and iOS' | 'Outlook';
  shows: string;
}

/** The verdict in plain words, with the fix. */
export interface Verdict {
  kind: VerdictKind;
  /** For a name mismatch: the name on the certificate that serves this port, if one does. */
  suggestedHost: string | null;
  title: string;
  explanation: string;
  fix: string;
  clientMessages: ClientMessage[];
}

/** One problem found on a port, with the host to use instead where that is the fix. */
export interface Problem {
  kind: ProblemKind;
  suggestedHost: string | null;
  detail: string;
}

/** TLS as negotiated. */
export interface TlsSession {
  /** "TLSv1.3", "TLSv1.2", "TLSv1"... */
  protocol: string;
  cipher: string;
  /** Only reachable by allowing protocols this app would otherwise refuse (TLS < 1.2). */
  legacyOnly: boolean;
}

/** Whether the certificate is trusted and made out to the name that was used. */
export interface TrustFacts {
  /** The chain ends at a root this device trusts (Node's roots, NODE_EXTRA_CA_CERTS, --ca), or pinned. */
  chainTrusted: boolean;
  /** OpenSSL's reason when it is not, e.g. "DEPTH_ZERO_SELF_SIGNED_CERT". */
  chainError: string | null;
  /** Trusted because the admin pinned this certificate's fingerprint for this server. */
  pinned: boolean;
  /** RFC 6125 match of the name used for the connection (wildcards one label deep). */
  nameMatches: boolean;
  /** The name that was checked. */
  checkedName: string;
}

/** Everything learnt about one port of one server. */
export interface PortReport {
  service: MailService;
  port: number;
  mode: TlsMode;
  /** The IP address connected to; null when the name did not resolve. */
  address: string | null;
  reachable: boolean;
  failure: { kind: PortFailureKind; detail: string } | null;
  tls: TlsSession | null;
  certificate: CertificateFacts | null;
  /** The issuers the server sent (leaf excluded), nearest first. */
  chain: CertificateFacts[];
  trust: TrustFacts | null;
  problems: Problem[];
  verdict: Verdict;
  elapsedMs: number;
}

/** Where a server name came from, when the user typed an e-mail address. */
export interface CandidateSource {
  kind: 'typed' | 'srv' | 'mx' | 'usual-name';
  /** e.g. "_imaps._tcp.example.com SRV → port 993", "MX 10 of example.com". */
  detail: string;
}

/** One server and all its mail ports. */
export interface ServerReport {
  host: string;
  sources: CandidateSource[];
  addresses: string[];
  /** Why the name gave no address (then no port is probed). */
  lookupError: string | null;
  ports: PortReport[];
  verdict: Verdict;
  problemsFound: boolean;
}

/** The whole result of `checkServer`: what was typed, when, and each server found. */
export interface CertificateReport {
  kind: 'certificate';
  target: string;
  targetKind: 'host' | 'email';
  checkedAt: string;
  /** Which resolver answered the look-ups ("127.0.0.1:5353", or the device's own). */
  resolver: string;
  servers: ServerReport[];
  /** The worst verdict among the servers; what the app stores as the verdict. */
  verdict: VerdictKind;
  headline: string;
  problemsFound: boolean;
}
