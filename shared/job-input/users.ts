import { delimiterProblem, describeDelimiter } from './delimiter.ts';
import { contentLines } from './input-lines.ts';
import type { InputLine } from './input-lines.ts';
import { lineError, resultOf } from './parse-result.ts';
import type { InputError, ParseResult } from './parse-result.ts';
import { detectUserDelimiter, USER_DELIMITER_CANDIDATES } from './user-delimiter.ts';
import { splitUserLine } from './user-fields.ts';

import { MAX_ACCOUNTS_PER_JOB, MAX_PASSWORD_LENGTH, MAX_USER_LINE_LENGTH } from '../limits.ts';

export { MAX_ACCOUNTS_PER_JOB };

/** One account to migrate. */
export interface JobUser {
  /** Login on the source server (trimmed). */
  username: string;
  /** Source password exactly as written: leading and trailing spaces are part of it. */
  password: string;
  /** Login on the destination; the source username when the line leaves it blank. */
  localUsername: string;
  /** Destination password; undefined when blank, and the caller decides what to use. */
  localPassword?: string;
  line: number;
}

export interface ParseUsersOptions {
  /** One character between fields; detected among , ; tab | : when absent. */
  delimiter?: string;
  /** At most this many accounts (default: one job's, 500). */
  maxAccounts?: number;
  /** The old server takes OAuth2 sign-ins, not passwords: a line may be just the username. */
  withoutSourcePasswords?: boolean;
}

/**
 * The accounts of a job, one a line: `username,password[,local_username[,local_password]]`,
 * CSV quoting allowed. A header line `username,password,...` at the top is skipped.
 * No error message ever contains a password.
 */
export function parseUsers(text: string, options: ParseUsersOptions = {}): ParseResult<JobUser[]> {
  const lines = contentLines(text);
  let delimiter: string;
  if (options.delimiter !== undefined) {
    const problem = delimiterProblem(options.delimiter, ['"']);
    if (problem !== undefined) return resultOf([], [{ line: 0, message: problem }]);
    delimiter = options.delimiter;
  } else {
    const detected = detectUserDelimiter(lines);
    if ('error' in detected) return resultOf([], [detected.error]);
    delimiter = detected.delimiter;
  }

  const accountLines = isHeader(lines[0], delimiter) ? lines.slice(1) : lines;
  const errors: InputError[] = [];
  if (accountLines.length === 0) {
    errors.push({ line: 0, message: `No accounts: write one account per line as ${form(delimiter)}.` });
  }
  const maxAccounts = options.maxAccounts ?? MAX_ACCOUNTS_PER_JOB;
  if (accountLines.length > maxAccounts) errors.push(tooMany(accountLines, maxAccounts));

  const users: JobUser[] = [];
  const sourceLines = new Map<string, number>();
  const destinationLines = new Map<string, number>();
  for (const line of accountLines) {
    const user = parseAccount(line, delimiter, errors, options.withoutSourcePasswords);
    if (user === undefined) continue;
    users.push(user);
    const sourceKey = accountKey(user.username);
    const sameSource = sourceLines.get(sourceKey);
    if (sameSource !== undefined) {
      errors.push(at(line, `"${user.username}" is already on line ${sameSource}; list each account once.`));
      continue;
    }
    sourceLines.set(sourceKey, line.number);
    const destinationKey = accountKey(user.localUsername);
    const sameDestination = destinationLines.get(destinationKey);
    if (sameDestination !== undefined) {
      errors.push(
        at(
          line,
          `"${user.localUsername}" is already the destination of line ${sameDestination}; copying two accounts into one mailbox is almost always a mistake, so give each its own local username.`,
        ),
      );
      continue;
    }
    destinationLines.set(destinationKey, line.number);
  }
  return resultOf(users, errors);
}

function parseAccount(
  line: InputLine,
  delimiter: string,
  errors: InputError[],
  withoutSourcePasswords = false,
): JobUser | undefined {
  // Never echoed: a line this long is not an account (the wrong file?), and may hold a password.
  if (line.text.length > MAX_USER_LINE_LENGTH) {
    errors.push(
      at(
        line,
        `this line is ${line.text.length.toLocaleString('en-US')} characters long; an account line has at most ${MAX_USER_LINE_LENGTH.toLocaleString('en-US')}. Is this the users list?`,
      ),
    );
    return undefined;
  }
  const fields = splitUserLine(line.text, delimiter);
  if (fields === undefined) {
    errors.push(
      at(
        line,
        'a double quote opens a field but never closes it; end the field with ", and write a quote inside a quoted field as "".',
      ),
    );
    return undefined;
  }
  if (fields.length > 4) {
    errors.push(
      at(
        line,
        `${fields.length} fields, but an account has at most 4 (username, password, local username, local password); put any field that contains ${describeDelimiter(delimiter)} in double quotes.`,
      ),
    );
    return undefined;
  }
  const [rawUsername = '', password = '', rawLocalUsername = '', rawLocalPassword = ''] = fields;
  const username = rawUsername.trim();
  // A lone field may be a password on a line of its own: it is never shown.
  if (fields.length === 1 && !withoutSourcePasswords) {
    errors.push(at(line, `this line has one field only; write the account as ${form(delimiter)}.`));
    return undefined;
  }
  if (password.length > MAX_PASSWORD_LENGTH || rawLocalPassword.length > MAX_PASSWORD_LENGTH) {
    errors.push(
      at(
        line,
        `a password is longer than ${MAX_PASSWORD_LENGTH.toLocaleString('en-US')} characters; check this line.`,
      ),
    );
    return undefined;
  }
  if (
    rawLocalUsername.trim() !== '' &&
    !username.includes('@') &&
    looksLikeAddress(password) &&
    !rawLocalUsername.includes('@')
  ) {
    errors.push(
      at(
        line,
        `the password looks like a login (an e-mail address) and the local username does not: if the username contains ${describeDelimiter(delimiter)}, put it in double quotes.`,
      ),
    );
    return undefined;
  }
  if (password.trim() === '' && !withoutSourcePasswords) {
    const who =
      username !== '' && isSafeToShow(username, delimiter) ? `"${username}" has` : 'this account has';
    errors.push(at(line, `${who} no password; write it as ${form(delimiter)}.`));
    return undefined;
  }
  if (username === '') {
    errors.push(at(line, `the username is empty; write the account as ${form(delimiter)}.`));
    return undefined;
  }
  const localUsername = rawLocalUsername.trim() === '' ? username : rawLocalUsername.trim();
  const user: JobUser = { username, password, localUsername, line: line.number };
  if (rawLocalPassword.trim() !== '') user.localPassword = rawLocalPassword;
  return user;
}

function isHeader(line: InputLine | undefined, delimiter: string): boolean {
  if (line === undefined) return false;
  const fields = splitUserLine(line.text, delimiter);
  return fields?.[0]?.trim().toLowerCase() === 'username' && fields[1]?.trim().toLowerCase() === 'password';
}

function tooMany(accountLines: InputLine[], max: number): InputError {
  const count = accountLines.length;
  const parts = Math.ceil(count / max);
  const what = max === MAX_ACCOUNTS_PER_JOB ? 'a job takes' : 'one import takes';
  return {
    line: accountLines[max]!.number,
    message: `${count.toLocaleString('en-US')} accounts: ${what} at most ${max.toLocaleString('en-US')}. Split the list into ${parts} ${max === MAX_ACCOUNTS_PER_JOB ? 'jobs' : 'parts'}.`,
  };
}

/**
 * A lone field is shown only when it cannot be a whole line with a password in it (no spaces,
 * quotes or delimiter-like characters); otherwise the message names the line alone.
 */
function isSafeToShow(field: string, delimiter: string): boolean {
  return !/[\s"]/.test(field) && ![...USER_DELIMITER_CANDIDATES, delimiter].some((d) => field.includes(d));
}

function looksLikeAddress(text: string): boolean {
  return /^[^\s@,;:"]+@[^\s@,;:"]+\.[a-z]{2,}$/i.test(text);
}

/** Usernames are compared as mail servers do: case and Unicode spelling do not matter. */
function accountKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

function form(delimiter: string): string {
  return delimiter === '\t' ? 'username<Tab>password' : `username${delimiter}password`;
}

function at(line: InputLine, message: string): InputError {
  return lineError(line.number, message);
}
