// Logs in with SASL PLAIN (RFC 5034) when the server offers it, else USER/PASS (RFC 1939).
// The password never reaches the transcript or an error message.
import { Pop3Error } from '../pop3-error.ts';
import type { Pop3Connection } from '../pop3-connection.ts';
import type { Pop3Response } from '../response-reader.ts';
import { refusalError } from '../server-refusal.ts';
import type { Capabilities } from './capa.ts';

/** `auto` picks SASL PLAIN when CAPA lists it, else USER/PASS. */
export type LoginMechanism = 'auto' | 'PLAIN' | 'USER';

const MASK = '****';

/** Authenticates; throws AUTHENTICATION_FAILED, IN_USE, LOGIN_DELAY, SERVER_TEMPORARY_FAILURE… */
export async function login(
  connection: Pop3Connection,
  capabilities: Capabilities | undefined,
  credentials: { user: string; password: string; mechanism: LoginMechanism },
): Promise<void> {
  const { user, password } = credentials;
  if (/[\r\n\0]/.test(user) || /[\r\n\0]/.test(password)) {
    throw new Pop3Error(
      'INVALID_ARGUMENT',
      'The user name or password contains a character POP3 cannot send.',
    );
  }
  const sasl = capabilities?.get('SASL') ?? [];
  const mechanism =
    credentials.mechanism === 'auto' ? (sasl.includes('PLAIN') ? 'PLAIN' : 'USER') : credentials.mechanism;
  const { response, command } =
    mechanism === 'PLAIN'
      ? await authPlain(connection, user, password)
      : await userPass(connection, user, password);
  if (response.status !== 'ok') {
    throw refusalError(response.text, { command, fallback: 'AUTHENTICATION_FAILED', task: 'log in' });
  }
}

/** The last answer and the command it answered. */
interface Outcome {
  response: Pop3Response;
  command: string;
}

async function userPass(connection: Pop3Connection, user: string, password: string): Promise<Outcome> {
  const activity = 'while checking the user name and password';
  const named = await connection.exchange({ line: `USER ${user}`, body: 'none', activity });
  if (named.status !== 'ok') return { response: named, command: 'USER' };
  const response = await connection.exchange({
    line: `PASS ${password}`,
    shown: `PASS ${MASK}`,
    secret: password,
    body: 'none',
    activity,
  });
  return { response, command: 'PASS' };
}

async function authPlain(connection: Pop3Connection, user: string, password: string): Promise<Outcome> {
  const activity = 'while checking the user name and password';
  const challenge = await connection.exchange({ line: 'AUTH PLAIN', body: 'none', activity });
  if (challenge.status !== 'continue') return { response: challenge, command: 'AUTH' };
  const token = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
  const response = await connection.exchange({
    line: token,
    shown: MASK,
    secret: password,
    body: 'none',
    activity,
    continuation: true,
  });
  if (response.status !== 'continue') return { response, command: 'AUTH' };
  // A second challenge means the server wants more than PLAIN gives: cancel (RFC 5034 §4).
  const cancelled = await connection.exchange({ line: '*', body: 'none', activity, continuation: true });
  return { response: cancelled, command: 'AUTH' };
}
