// Server refusals, socket failures and timeouts become stable codes with the right flags.
import { describe, expect, it } from 'vitest';
import { Pop3Error } from '../../../main/infrastructure/protocols/pop3/pop3-error.ts';
import { parseRefusal, refusalError } from '../../../main/infrastructure/protocols/pop3/server-refusal.ts';
import {
  formatSeconds,
  socketError,
  timeoutError,
} from '../../../main/infrastructure/protocols/pop3/socket-error.ts';

const login = { command: 'PASS', fallback: 'AUTHENTICATION_FAILED', task: 'log in' } as const;
const retr = { command: 'RETR', fallback: 'COMMAND_FAILED', task: 'send message 3' } as const;

describe('server refusals', () => {
  it('splits RFC 2449 response codes from the text', () => {
    expect(parseRefusal('[SYS/TEMP] try again')).toEqual({ responseCode: 'SYS/TEMP', text: 'try again' });
    expect(parseRefusal('no code here')).toEqual({ responseCode: undefined, text: 'no code here' });
    expect(parseRefusal('[in-use]')).toEqual({ responseCode: 'IN-USE', text: '' });
  });

  it('maps a failed PASS to AUTHENTICATION_FAILED', () => {
    const error = refusalError('[AUTH] Authentication failed.', login);
    expect(error).toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      authenticationFailed: true,
      transient: false,
      serverResponseCode: 'AUTH',
      command: 'PASS',
    });
    expect(refusalError('invalid password', login).code).toBe('AUTHENTICATION_FAILED');
    expect(refusalError('[AUTH] no plaintext', { ...retr, command: 'USER' }).code).toBe(
      'AUTHENTICATION_FAILED',
    );
  });

  it('maps IN-USE, LOGIN-DELAY and SYS/TEMP to transient codes, not wrong passwords', () => {
    for (const [text, code] of [
      ['[IN-USE] Mailbox locked by another session', 'IN_USE'],
      ['[LOGIN-DELAY] Wait 15 minutes', 'LOGIN_DELAY'],
      ['[SYS/TEMP] Backend unavailable', 'SERVER_TEMPORARY_FAILURE'],
    ] as const) {
      const error = refusalError(text, login);
      expect(error, text).toMatchObject({ code, transient: true, authenticationFailed: false });
    }
    expect(refusalError('[SYS/PERM] Disk gone', retr)).toMatchObject({
      code: 'SERVER_PERMANENT_FAILURE',
      transient: false,
    });
  });

  it('uses the fallback code and says what failed', () => {
    const error = refusalError('no such message', retr);
    expect(error.code).toBe('COMMAND_FAILED');
    expect(error.message).toBe('The server would not send message 3. The server said: "no such message".');
  });
});

describe('socket failures', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });

  it('maps Node errno codes', () => {
    expect(socketError(errno('ECONNREFUSED'), 'h:110', 'while connecting').code).toBe('CONNECTION_REFUSED');
    expect(socketError(errno('ENOTFOUND'), 'h:110', 'while connecting')).toMatchObject({
      code: 'HOST_NOT_FOUND',
      transient: false,
    });
    expect(socketError(errno('EAI_AGAIN'), 'h:110', 'while connecting')).toMatchObject({
      code: 'HOST_NOT_FOUND',
      transient: true,
    });
    expect(socketError(errno('EHOSTUNREACH'), 'h:110', 'while connecting').code).toBe('HOST_UNREACHABLE');
    const reset = socketError(errno('ECONNRESET'), 'h:110', 'while sending message 4');
    expect(reset).toMatchObject({ code: 'CONNECTION_DROPPED', transient: true });
    expect(reset.message).toBe('The connection to h:110 dropped while sending message 4.');
    expect(reset).toBeInstanceOf(Pop3Error);
  });

  it('words timeouts like a person would', () => {
    const error = timeoutError('while sending message 12', 60_000);
    expect(error).toMatchObject({ code: 'TIMEOUT', transient: true });
    expect(error.message).toBe(
      'The server stopped answering while sending message 12 (timed out after 60 s).',
    );
    expect(formatSeconds(250)).toBe('0.25 s');
  });
});
