// Maps Node's socket errors (errno codes) to Pop3Error codes a person can act on.
import { Pop3Error } from './pop3-error.ts';

/** Where the client was connecting to, as shown in messages: `mail.example.com:995`. */
export type Target = string;

/** The Pop3Error for a socket `error` event; `activity` is e.g. "while sending message 3". */
export function socketError(error: unknown, target: Target, activity: string): Pop3Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = error;
  switch (code) {
    case 'ECONNREFUSED':
      return new Pop3Error(
        'CONNECTION_REFUSED',
        `${target} refused the connection: no POP3 service listens on that port.`,
        { cause },
      );
    case 'ENOTFOUND':
      return new Pop3Error('HOST_NOT_FOUND', `The host name in ${target} does not exist in DNS.`, { cause });
    case 'EAI_AGAIN':
      return new Pop3Error(
        'HOST_NOT_FOUND',
        `The host name in ${target} could not be looked up right now (DNS did not answer).`,
        { cause, transient: true },
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ENETDOWN':
      return new Pop3Error('HOST_UNREACHABLE', `${target} cannot be reached from this network.`, { cause });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return droppedError(target, activity, cause);
    default:
      return new Pop3Error(
        'CONNECTION_DROPPED',
        `The connection to ${target} failed ${activity} (${code ?? describe(error)}).`,
        { cause },
      );
  }
}

/** The server closed or reset the connection before the answer was complete. */
export function droppedError(target: Target, activity: string, cause?: unknown): Pop3Error {
  return new Pop3Error('CONNECTION_DROPPED', `The connection to ${target} dropped ${activity}.`, {
    cause,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The per-command idle timeout fired: nothing arrived for `timeoutMs`. */
export function timeoutError(activity: string, timeoutMs: number): Pop3Error {
  return new Pop3Error(
    'TIMEOUT',
    `The server stopped answering ${activity} (timed out after ${formatSeconds(timeoutMs)}).`,
  );
}

/** 60000 → "60 s", 250 → "0.25 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
