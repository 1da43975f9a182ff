// Test helpers that speak POP3's wire format: byte-stuffing a message the way a server does,
// a seeded PRNG so "random" packet splits are the same on every run, and random messages.

/** Mulberry32: a tiny deterministic PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The multi-line form of `body` as a server sends it (RFC 1939 §3): every line that starts
 * with "." gets another "."; a CRLF is added if the body does not end with a line break; then
 * the ".CRLF" terminator. Lines start after any LF, as in fgets-style servers.
 */
export function dotStuff(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  const dot = Buffer.from('.');
  let lineStart = 0;
  while (lineStart < body.length) {
    const lf = body.indexOf(0x0a, lineStart);
    const lineEnd = lf === -1 ? body.length : lf + 1;
    if (body[lineStart] === 0x2e) parts.push(dot);
    parts.push(body.subarray(lineStart, lineEnd));
    lineStart = lineEnd;
  }
  if (body.length > 0 && body[body.length - 1] !== 0x0a) parts.push(Buffer.from('\r\n'));
  parts.push(Buffer.from('.\r\n'));
  return Buffer.concat(parts);
}

/** Cuts `data` into pieces of 1..maxPiece bytes at random points. */
export function randomSplits(data: Buffer, random: () => number, maxPiece: number): Buffer[] {
  const pieces: Buffer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const size = 1 + Math.floor(random() * maxPiece);
    pieces.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

// Bytes that stress the decoder: dots, CR, LF, and 8-bit values.
const TRICKY = [0x2e, 0x2e, 0x2e, 0x0d, 0x0a, 0x0a, 0x0d, 0xe4, 0xff, 0x80, 0x00, 0x20];

/** A message-like body of random lines, often starting with dots, ending with CRLF. */
export function randomBody(random: () => number, lines: number): Buffer {
  const out: number[] = [];
  for (let line = 0; line < lines; line++) {
    const length = Math.floor(random() * 12);
    for (let i = 0; i < length; i++) {
      out.push(
        random() < 0.5 ? TRICKY[Math.floor(random() * TRICKY.length)]! : 0x21 + Math.floor(random() * 0xde),
      );
    }
    out.push(...(random() < 0.9 ? [0x0d, 0x0a] : [0x0a]));
  }
  out.push(0x0d, 0x0a);
  return Buffer.from(out);
}

/** An RFC 5322 message with CRLF line ends, as stored in a Maildir file. */
export function rfc822(headers: Record<string, string>, body: string | Buffer): Buffer {
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return Buffer.concat([
    Buffer.from(`${head}\r\n`, 'latin1'),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
  ]);
}
