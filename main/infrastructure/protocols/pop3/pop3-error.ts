// The one error type the POP3 client throws. Callers branch on `code` and the flags, never on
// the message, which is written for a person (and never contains a password).

/** Stable codes the migration engine and the UI map to words and actions. */
export type Pop3ErrorCode =
  | 'CONNECTION_REFUSED'
  | 'HOST_NOT_FOUND'
  | 'HOST_UNREACHABLE'
  | 'CONNECTION_DROPPED'
  | 'CONNECTION_REJECTED'
  | 'NOT_CONNECTED'
  | 'TIMEOUT'
  | 'TLS_FAILED'
  | 'CERT_UNTRUSTED'
  | 'CERT_HOSTNAME_MISMATCH'
  | 'STARTTLS_UNAVAILABLE'
  | 'PLAINTEXT_AUTH_DISALLOWED'
  | 'AUTHENTICATION_FAILED'
  | 'IN_USE'
  | 'LOGIN_DELAY'
  | 'SERVER_TEMPORARY_FAILURE'
  | 'SERVER_PERMANENT_FAILURE'
  | 'COMMAND_FAILED'
  | 'PROTOCOL_ERROR'
  | 'INVALID_ARGUMENT';

/** What the server presented, so the UI can show it and offer to pin its fingerprint. */
export interface PeerCertificateSummary {
  subjectAltNames: string[];
  commonName: string | undefined;
  issuer: string | undefined;
  validFrom: string;
  validTo: string;
  /** Colon-separated uppercase hex, the form of `X509Certificate.fingerprint256`. */
  fingerprint256: string;
}

/** Optional facts an error carries besides its code and message. */
export interface Pop3ErrorDetails {
  transient?: boolean;
  authenticationFailed?: boolean;
  /** RFC 2449 response code without brackets, e.g. `IN-USE`, `SYS/TEMP`. */
  serverResponseCode?: string;
  /** The text after `-ERR`, for the log. */
  serverText?: string;
  /** The command verb that failed (never its arguments). */
  command?: string;
  certificate?: PeerCertificateSummary;
  /** Node's reason for rejecting the certificate, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  certificateReason?: string;
  cause?: unknown;
}

// Worth a retry with back-off: the same request can succeed later without anyone acting.
const TRANSIENT_BY_DEFAULT: ReadonlySet<Pop3ErrorCode> = new Set([
  'CONNECTION_DROPPED',
  'CONNECTION_REJECTED',
  'HOST_UNREACHABLE',
  'TIMEOUT',
  'IN_USE',
  'LOGIN_DELAY',
  'SERVER_TEMPORARY_FAILURE',
]);

/** A POP3 failure with a stable `code` and flags, in the manner of imapflow's errors. */
export class Pop3Error extends Error {
  readonly code: Pop3ErrorCode;
  readonly transient: boolean;
  readonly authenticationFailed: boolean;
  readonly serverResponseCode: string | undefined;
  readonly serverText: string | undefined;
  readonly command: string | undefined;
  readonly certificate: PeerCertificateSummary | undefined;
  readonly certificateReason: string | undefined;

  constructor(code: Pop3ErrorCode, message: string, details: Pop3ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'Pop3Error';
    this.code = code;
    this.transient = details.transient ?? TRANSIENT_BY_DEFAULT.has(code);
    this.authenticationFailed = details.authenticationFailed ?? code === 'AUTHENTICATION_FAILED';
    this.serverResponseCode = details.serverResponseCode;
    this.serverText = details.serverText;
    this.command = details.command;
    this.certificate = details.certificate;
    this.certificateReason = details.certificateReason;
  }
}

/** Narrows an unknown rejection to a Pop3Error with the given code. */
export function isPop3Error(error: unknown, code?: Pop3ErrorCode): error is Pop3Error {
  return error instanceof Pop3Error && (code === undefined || error.code === code);
}
