// The multi-line body decoder reproduces the exact bytes for any packet split: byte by byte,
// at every split point, and at seeded random splits; it undoes dot-stuffing and keeps 8-bit
// bytes and bare LFs as they are.
import { describe, expect, it } from 'vitest';
import { MultilineBody } from '../../../main/infrastructure/protocols/pop3/multiline-body.ts';
import { dotStuff, randomBody, randomSplits, seededRandom } from './pop3-wire.ts';

/** Feeds the pieces; returns the body and whatever followed the terminator. */
function decode(pieces: Buffer[]): { body: Buffer; rest: Buffer } {
  const decoder = new MultilineBody();
  for (const [index, piece] of pieces.entries()) {
    const end = decoder.push(piece);
    if (end !== -1) {
      const rest = Buffer.concat([piece.subarray(end), ...pieces.slice(index + 1)]);
      return { body: decoder.body(), rest };
    }
  }
  throw new Error(`no terminator after ${decoder.size} bytes`);
}

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('MultilineBody', () => {
  const message = bytes(
    'Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\n\r\n.\r\nend with \xe4\xf6\xfc\r\n',
  );

  it('decodes a body fed one byte at a time', () => {
    const wire = dotStuff(message);
    const pieces = [...wire].map((byte) => Buffer.from([byte]));
    expect(decode(pieces).body).toEqual(message);
  });

  it('decodes a body split in two or three pieces at every possible point', () => {
    const wire = dotStuff(message);
    for (let i = 0; i <= wire.length; i++) {
      expect(decode([wire.subarray(0, i), wire.subarray(i)]).body).toEqual(message);
      for (let j = i; j <= wire.length; j += 7) {
        const three = [wire.subarray(0, i), wire.subarray(i, j), wire.subarray(j)];
        expect(decode(three).body).toEqual(message);
      }
    }
  });

  it('reproduces 500 random bodies exactly at seeded random splits', () => {
    const random = seededRandom(0xc0ffee);
    for (let round = 0; round < 500; round++) {
      const body = randomBody(random, 1 + Math.floor(random() * 40));
      const pieces = randomSplits(dotStuff(body), random, 1 + Math.floor(random() * 32));
      const decoded = decode(pieces);
      expect(decoded.body.equals(body), `round ${round}`).toBe(true);
      expect(decoded.rest.length).toBe(0);
    }
  });

  it('completes when the terminator arrives split as "\\r\\n." + "\\r\\n"', () => {
    const decoder = new MultilineBody();
    expect(decoder.push(bytes('Hello\r\n.'))).toBe(-1);
    expect(decoder.done).toBe(false);
    expect(decoder.push(bytes('\r\n'))).toBe(2);
    expect(decoder.body()).toEqual(bytes('Hello\r\n'));
  });

  it('completes when the terminator is split at every byte', () => {
    const { body } = decode([bytes('Hello\r'), bytes('\n'), bytes('.'), bytes('\r'), bytes('\n')]);
    expect(body).toEqual(bytes('Hello\r\n'));
  });

  it('undoes dot-stuffing and keeps stuffed terminator look-alikes as data', () => {
    const cases: [string, string][] = [
      ['..\r\n.\r\n', '.\r\n'],
      ['...x\r\n.\r\n', '..x\r\n'],
      ['a\r\n..\r\n.\r\n', 'a\r\n.\r\n'],
      ['a\r\n..\r\nb\r\n.\r\n', 'a\r\n.\r\nb\r\n'],
      ['.. leading space\r\n.\r\n', '. leading space\r\n'],
      ['mid.dle..dots\r\n.\r\n', 'mid.dle..dots\r\n'],
      // Not stuffed by a sloppy server: RFC 1939 still strips the first dot.
      ['.x\r\n.\r\n', 'x\r\n'],
      ['.\rx\r\n.\r\n', '\rx\r\n'],
    ];
    for (const [wire, expected] of cases) {
      expect(decode([bytes(wire)]).body.toString('latin1'), JSON.stringify(wire)).toBe(expected);
    }
  });

  it('returns 8-bit bodies byte-identical (all 256 byte values)', () => {
    const all = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), bytes('\r\n')]);
    const random = seededRandom(8);
    expect(decode(randomSplits(dotStuff(all), random, 5)).body).toEqual(all);
    const latin1 = bytes('Gr\xfc\xdfe aus K\xf6ln, \xe4\xe4\xe4\r\n');
    expect(decode([dotStuff(latin1)]).body).toEqual(latin1);
  });

  it('keeps bare LFs as they are and treats them as line ends for stuffing', () => {
    expect(decode([bytes('a\nb\r\n.\r\n')]).body).toEqual(bytes('a\nb\r\n'));
    expect(decode([bytes('a\n..b\r\n.\r\n')]).body).toEqual(bytes('a\n.b\r\n'));
    expect(decode([bytes('bare\n.\r\n')]).body).toEqual(bytes('bare\n'));
  });

  it('decodes an empty body', () => {
    expect(decode([bytes('.\r\n')]).body.length).toBe(0);
  });

  it('reports where the next response starts', () => {
    const decoder = new MultilineBody();
    const chunk = bytes('x\r\n.\r\n+OK next\r\n');
    const end = decoder.push(chunk);
    expect(chunk.subarray(end).toString()).toBe('+OK next\r\n');
    expect(() => decoder.push(bytes('more'))).toThrow(/already complete/);
  });

  it('decodes 20 MB in linear time', () => {
    const random = seededRandom(20);
    const line = Buffer.alloc(78, 0x41);
    line[0] = 0x2e; // every line is stuffed
    line[76] = 0x0d;
    line[77] = 0x0a;
    const body = Buffer.concat(Array.from({ length: Math.ceil(20_000_000 / 78) }, () => line));
    const wire = dotStuff(body);
    const pieces = randomSplits(wire, random, 65_536);
    const started = performance.now();
    const decoded = decode(pieces).body;
    const elapsed = performance.now() - started;
    expect(decoded.equals(body)).toBe(true);
    // Typically ~100 ms; a quadratic decoder (re-concatenating per chunk) takes many seconds.
    expect(elapsed).toBeLessThan(1500);
  });
});
