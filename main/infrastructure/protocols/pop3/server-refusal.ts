// Turns a `-ERR` answer into a Pop3Error. RFC 2449 response codes (`[IN-USE]`,
// `[LOGIN-DELAY]`, `[SYS/TEMP]`, `[SYS/PERM]`) and RFC 3206's `[AUTH]` decide the code, so a
// locked mailbox is retried later instead of being reported as a wrong password.
import { Pop3Error } from './pop3-error.ts';
import type { Pop3ErrorCode } from './pop3-error.ts';

/** The parts of an `-ERR` line: `[SYS/TEMP] try later` → code `SYS/TEMP`, text `try later`. */
export interface ParsedRefusal {
  responseCode: string | undefined;
  text: string;
}

/** What was being asked, for the error. */
export interface RefusalContext {
  command: string;
  /** The code when the response carries no telling response code. */
  fallback: Pop3ErrorCode;
  /** What the server was asked to do, as a verb phrase: "send message 3", "log in". */
  task: string;
}

const MAX_TEXT = 200;

/** Splits an optional leading `[resp-code]` from the human-readable rest of the line. */
export function parseRefusal(text: string): ParsedRefusal {
  const match = /^\[([^\]\s]+)\]\s*/.exec(text);
  const rest = (match ? text.slice(match[0].length) : text).replace(/[\p{Cc}]/gu, ' ').trim();
  const clipped = rest.length > MAX_TEXT ? `${rest.slice(0, MAX_TEXT)}…` : rest;
  return { responseCode: match?.[1]?.toUpperCase(), text: clipped };
}

/** The error for a `-ERR` line in the given context. */
export function refusalError(errText: string, context: RefusalContext): Pop3Error {
  const { responseCode, text } = parseRefusal(errText);
  const said = text ? ` The server said: "${text}".` : '';
  const details = { serverResponseCode: responseCode, serverText: text, command: context.command };
  const topLevel = responseCode?.split('/')[0];
  if (topLevel === 'IN-USE') {
    return new Pop3Error(
      'IN_USE',
      `The mailbox is in use by another session (probably a mail client still downloading it); try again when it is closed.${said}`,
      details,
    );
  }
  if (topLevel === 'LOGIN-DELAY') {
    return new Pop3Error(
      'LOGIN_DELAY',
      `The server allows this account to log in only every few minutes; try again later.${said}`,
      details,
    );
  }
  if (responseCode === 'SYS/TEMP') {
    return new Pop3Error(
      'SERVER_TEMPORARY_FAILURE',
      `The server had a temporary problem and could not ${context.task}; it will be retried.${said}`,
      details,
    );
  }
  if (responseCode === 'SYS/PERM') {
    return new Pop3Error(
      'SERVER_PERMANENT_FAILURE',
      `The server could not ${context.task} and says retrying will not help.${said}`,
      details,
    );
  }
  if (topLevel === 'AUTH' || context.fallback === 'AUTHENTICATION_FAILED') {
    return new Pop3Error(
      'AUTHENTICATION_FAILED',
      `The server rejected the user name or password.${said}`,
      details,
    );
  }
  return new Pop3Error(context.fallback, `The server would not ${context.task}.${said}`, details);
}
