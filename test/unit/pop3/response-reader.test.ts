// The response reader splits status lines from bodies wherever packets break, stashes bytes
// that arrive before they are expected, and rejects what is not POP3.
import { describe, expect, it } from 'vitest';
import { ResponseReader } from '../../../main/infrastructure/protocols/pop3/response-reader.ts';
import type { BodyRule, Pop3Response } from '../../../main/infrastructure/protocols/pop3/response-reader.ts';
import { dotStuff, randomBody, randomSplits, seededRandom } from './pop3-wire.ts';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

function read(reader: ResponseReader, rule: BodyRule, pieces: Buffer[]): Pop3Response[] {
  const responses: Pop3Response[] = [];
  const first = reader.expect(rule);
  if (first) responses.push(first);
  for (const piece of pieces) {
    const response = reader.push(piece);
    if (response) responses.push(response);
  }
  return responses;
}

describe('ResponseReader', () => {
  it('reads a greeting that arrived before it was expected', () => {
    const reader = new ResponseReader();
    expect(reader.push(bytes('+OK Dovecot ready.\r\n'))).toBeUndefined();
    expect(reader.expect('none')).toEqual({ status: 'ok', text: 'Dovecot ready.', body: undefined });
  });

  it('reads status lines split byte by byte', () => {
    const reader = new ResponseReader();
    const wire = bytes('-ERR [IN-USE] locked\r\n');
    const responses = read(
      reader,
      'none',
      [...wire].map((byte) => Buffer.from([byte])),
    );
    expect(responses).toEqual([{ status: 'err', text: '[IN-USE] locked', body: undefined }]);
  });

  it('reads status line and body at seeded random splits, then the next response', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 200; round++) {
      const body = randomBody(random, 1 + Math.floor(random() * 20));
      const wire = Buffer.concat([bytes('+OK 120 octets\r\n'), dotStuff(body), bytes('+OK bye\r\n')]);
      const reader = new ResponseReader();
      const [retr] = read(reader, 'if-ok', randomSplits(wire, random, 9));
      expect(retr?.text).toBe('120 octets');
      expect(retr?.body?.equals(body), `round ${round}`).toBe(true);
      expect(reader.expect('none')).toEqual({ status: 'ok', text: 'bye', body: undefined });
    }
  });

  it('reads no body after -ERR even when one could follow +OK', () => {
    const reader = new ResponseReader();
    const responses = read(reader, 'if-ok', [bytes('-ERR no such message\r\n')]);
    expect(responses).toEqual([{ status: 'err', text: 'no such message', body: undefined }]);
  });

  it('reads SASL continuations and lines without text', () => {
    const reader = new ResponseReader();
    expect(read(reader, 'none', [bytes('+ \r\n')])).toEqual([
      { status: 'continue', text: '', body: undefined },
    ]);
    expect(read(reader, 'none', [bytes('+OK\r\n')])).toEqual([{ status: 'ok', text: '', body: undefined }]);
    expect(read(reader, 'none', [bytes('+ok lower case\n')])[0]?.status).toBe('ok');
  });

  it('rejects what is not a POP3 status line', () => {
    expect(() => read(new ResponseReader(), 'none', [bytes('HTTP/1.1 400 Bad Request\r\n')])).toThrow(
      expect.objectContaining({ code: 'PROTOCOL_ERROR' }),
    );
    expect(() => read(new ResponseReader(), 'none', [bytes('+OKAY\r\n')])).toThrow(
      expect.objectContaining({ code: 'PROTOCOL_ERROR' }),
    );
    expect(() => read(new ResponseReader(), 'none', [Buffer.alloc(9000, 0x41)])).toThrow(
      expect.objectContaining({ code: 'PROTOCOL_ERROR' }),
    );
  });

  it('drops clear-text bytes that follow the STLS answer', () => {
    const reader = new ResponseReader();
    const [stls] = read(reader, 'none', [bytes('+OK Begin TLS\r\n-ERR injected\r\n')]);
    expect(stls?.text).toBe('Begin TLS');
    expect(reader.discardUnread()).toBe('-ERR injected\r\n'.length);
    expect(reader.expect('none')).toBeUndefined();
  });

  it('refuses to expect two responses at once', () => {
    const reader = new ResponseReader();
    reader.expect('none');
    expect(() => reader.expect('none')).toThrow(/already expected/);
  });
});
