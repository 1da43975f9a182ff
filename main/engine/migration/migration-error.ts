import type { MigrationErrorCode } from '../../../preload/contract.ts';
import { throttleReplyOf } from './throttle-reply.ts';
import type { Credential } from './credential.ts';
import { OAuth2GrantError } from '../../infrastructure/oauth2/token-grants.ts';
import { MissingSecretError } from '../../infrastructure/store/secret-repository.ts';

/** Which server an error came from: users need to know which password or box to fix. */
export type ServerSide = 'source' | 'destination';

export type { MigrationErrorCode };

/** A failure in words a person can act on, with whether trying again may help. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  readonly side: ServerSide | null;
  /** Worth retrying after a pause (dropped connection, time-out, throttling). */
  readonly transient: boolean;
  /** The wait a throttling server asked for, and what is left of it to wait now. */
  readonly backoff: { suggestedMs: number; remainingMs: number } | null;
  /** When the account may go on (a daily upload limit's next day). */
  readonly resumeAt: Date | null;

  constructor(
    code: MigrationErrorCode,
    message: string,
    options: {
      side?: ServerSide | null;
      transient?: boolean;
      cause?: unknown;
      backoff?: { suggestedMs: number; remainingMs: number } | null;
      resumeAt?: Date | null;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'MigrationError';
    this.code = code;
    this.side = options.side ?? null;
    this.transient = options.transient ?? false;
    this.backoff = options.backoff ?? null;
    this.resumeAt = options.resumeAt ?? null;
  }
}

export interface ErrorContext {
  side: ServerSide;
  host: string;
  port: number;
  user: string;
  /**
   * How that side signs in: a refused OAuth2 token is not a wrong password, and a refused token
   * of a person's own sign-in (`ownSignIn`) is most often someone else who signed in.
   */
  signIn?: Credential['kind'];
  ownSignIn?: boolean;
}

interface RawError {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  message?: string;
}

const serverName = (side: ServerSide, host: string) =>
  `the ${side === 'source' ? 'old' : 'new'} server (${host})`;

/**
 * Turns what imapflow, the POP3 client, Node's sockets and TLS throw into one of the codes the
 * log and the UI explain. Unknown errors stay `internal`, with their message kept for support.
 */
export function classifyError(error: unknown, context: ErrorContext): MigrationError {
  if (error instanceof MigrationError) return error;
  const raw = (error ?? {}) as RawError;
  const code = raw.code ?? '';
  const response = (raw.serverResponseCode ?? '').toUpperCase();
  const text = `${raw.responseText ?? ''} ${raw.message ?? ''}`;
  const server = serverName(context.side, context.host);
  const make = (kind: MigrationErrorCode, message: string, transient = false) =>
    new MigrationError(kind, message, { side: context.side, transient, cause: error });

  if (error instanceof OAuth2GrantError) return grantFailure(error, context);
  if (error instanceof MissingSecretError)
    return make(
      context.side === 'source' ? 'source-auth-failed' : 'destination-auth-failed',
      `The ${context.side === 'source' ? 'old' : 'new'} server's sign-in for ${context.user} is no longer stored: it was changed or removed in the server's settings after this job was made. Start a new job from the project, or give this job the password or app secret again.`,
    );
  const authFailed =
    raw.authenticationFailed || code === 'AUTHENTICATION_FAILED' || response === 'AUTHENTICATIONFAILED';
  if (authFailed && context.signIn === 'oauth2' && context.ownSignIn) {
    return make(
      'sign-in-again',
      `${capitalise(server)} refused the sign-in of ${context.user}. Sign in again as ${context.user} (the browser may have signed in someone else), and allow access to the mail when asked; if it happens again, the app registration may lack IMAP access (its scope or permission).`,
    );
  }
  if (authFailed && context.signIn === 'oauth2') {
    return make(
      context.side === 'source' ? 'source-auth-failed' : 'destination-auth-failed',
      `${capitalise(server)} refused the sign-in token for ${context.user}: the app may lack IMAP access (its scope or permission), or the mailbox is not one it may open. Check the app registration in the admin console, then retry.`,
    );
  }
  if (authFailed) {
    return context.side === 'source'
      ? make(
          'source-auth-failed',
          `The old server (${context.host}) refused the password for ${context.user}. Check that account's password in the users list, then retry it.`,
        )
      : make(
          'destination-auth-failed',
          `The new server (${context.host}) refused the login for ${context.user}. Check the password, or create the account on the new server first, then retry it.`,
        );
  }
  if (response === 'OVERQUOTA' || /quota exceeded|over quota|mailbox is full/i.test(text)) {
    return make(
      'over-quota',
      `The new mailbox of ${context.user} is full (over quota). Raise its quota on the new server, then retry this account.`,
    );
  }
  if (response === 'TOOBIG' || response === 'APPENDLIMIT' || response === 'LIMIT') {
    return make('message-too-large', `A message is larger than ${server} accepts.`);
  }
  const throttle = throttleReplyOf(error);
  if (throttle) {
    const who = throttle.byMicrosoft
      ? `Microsoft 365 (the ${context.side === 'source' ? 'old' : 'new'} server, ${context.host})`
      : capitalise(server);
    const { suggestedMs, waitedMs } = throttle;
    return new MigrationError('throttled', `${who} asked Cutover to slow down.`, {
      side: context.side,
      transient: true,
      cause: error,
      backoff:
        suggestedMs === null ? null : { suggestedMs, remainingMs: Math.max(0, suggestedMs - waitedMs) },
    });
  }
  if (
    ['ETIMEOUT', 'TIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEDOUT'].includes(
      code,
    )
  ) {
    return make(
      'timeout',
      `${capitalise(server)} stopped answering (timed out during read). Cutover tries again; if it keeps happening, run fewer accounts at once.`,
      true,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'HOST_NOT_FOUND') {
    return make(
      'host-not-found',
      `The server name ${context.host} was not found. Check the spelling and that this computer is online.`,
      code === 'EAI_AGAIN',
    );
  }
  if (code === 'ECONNREFUSED' || code === 'CONNECTION_REFUSED') {
    return make(
      'connection-refused',
      `${capitalise(server)} refused the connection on port ${context.port}. Check the port and protocol (IMAP 143 or 993, POP3 110 or 995).`,
      true,
    );
  }
  if (
    code === 'STARTTLS_UNAVAILABLE' ||
    (/STARTTLS|STLS/.test(raw.message ?? '') && /not support|unavailable|required/i.test(raw.message ?? ''))
  ) {
    return make(
      'starttls-unavailable',
      `${capitalise(server)} does not offer encryption (STARTTLS) on port ${context.port}. Use the secure port (993 or 995), or allow plain text in the job if you accept that passwords cross the network unencrypted.`,
    );
  }
  if (code === 'WRONG_PROTOCOL') {
    const speaks = (error as { speaks?: string }).speaks;
    const what =
      speaks === 'pop3' ? 'POP3' : speaks === 'smtp' ? 'SMTP (sending mail)' : 'something other than IMAP';
    return make(
      'wrong-protocol',
      `Port ${context.port} of ${server} speaks ${what}, not IMAP. Give the IMAP port (993 with TLS, 143 with STARTTLS).`,
    );
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text)) {
    return make(
      'wrong-protocol',
      `Port ${context.port} of ${server} speaks plain text first, not TLS: choose IMAP (STARTTLS) or POP3 (STARTTLS) for it, or give the TLS port (993 for IMAP, 995 for POP3).`,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'CERT_HOSTNAME_MISMATCH') {
    return make(
      'certificate-mismatch',
      `The certificate of ${server} is not valid for the name ${context.host}. ${raw.message ?? ''}`.trim(),
    );
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) {
    return make(
      'certificate-untrusted',
      `The certificate of ${server} is not trusted (${code}). ${raw.message ?? ''}`.trim(),
    );
  }
  if (
    [
      'ECONNRESET',
      'EPIPE',
      'NoConnection',
      'EConnectionClosed',
      'ClosedAfterConnectText',
      'ClosedAfterConnectTLS',
      'CONNECTION_DROPPED',
      'ECONNABORTED',
    ].includes(code)
  ) {
    return make(
      'connection-dropped',
      `The connection to ${server} dropped. Cutover reconnects and carries on where it stopped.`,
      true,
    );
  }
  return make('internal', `Unexpected error from ${server}: ${raw.message ?? String(error)}`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A token the provider would not give: sign in again, fix the app registration, or retry. */
function grantFailure(error: OAuth2GrantError, context: ErrorContext): MigrationError {
  const where = context.side === 'source' ? 'old' : 'new';
  const options = { side: context.side, cause: error };
  switch (error.kind) {
    case 'revoked':
      return new MigrationError(
        'sign-in-again',
        `The sign-in of ${context.user} to the ${where} server has expired or was withdrawn. Sign in again for this account, then retry. (${error.message})`,
        options,
      );
    case 'refused':
      return new MigrationError(
        context.side === 'source' ? 'source-auth-failed' : 'destination-auth-failed',
        `No sign-in token for ${context.user} on the ${where} server: ${error.message} Check the app registration (client ID, its secret, certificate or key, and the permissions granted), then retry.`,
        options,
      );
    case 'unreachable':
      return new MigrationError(
        'connection-dropped',
        `No sign-in token for ${context.user}: ${error.message}`,
        {
          ...options,
          transient: true,
        },
      );
  }
}
