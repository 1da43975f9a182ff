// Streaming decoder for the body of a POP3 multi-line response (RFC 1939 §3): it undoes
// byte-stuffing and finds the `.CRLF` terminator however the bytes are split into packets,
// without decoding charsets and without re-copying earlier data (one concat at the end).
//
// A line starts at the beginning of the body and after every LF, so a bare LF is a line end
// here as it is for servers that stuff with fgets-style line reading; the bytes themselves are
// kept exactly. The CRLF before the terminator belongs to the last line and is kept.

const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const CR_ONLY = Buffer.from([CR]);
const LF_DOT = Buffer.from([LF, DOT]);

type State = 'line-start' | 'in-line' | 'dot' | 'dot-cr';

/** Collects one multi-line body; `push` says where the terminator ended, `body` gives the bytes. */
export class MultilineBody {
  #parts: Buffer[] = [];
  #size = 0;
  #state: State = 'line-start';
  #done = false;

  get done(): boolean {
    return this.#done;
  }

  /** Bytes decoded so far (for size limits and progress). */
  get size(): number {
    return this.#size;
  }

  /**
   * Consumes a chunk. Returns the offset just past the terminator when the body ended inside
   * this chunk (bytes from there on belong to the next response), or -1 if more is needed.
   */
  push(chunk: Buffer): number {
    if (this.#done) throw new Error('The multi-line body is already complete.');
    const end = chunk.length;
    let segmentStart = 0;
    let i = 0;
    while (i < end) {
      switch (this.#state) {
        case 'in-line': {
          // Only lines that start with a dot need attention, so jump to the next LF + dot.
          const found = chunk.indexOf(LF_DOT, i);
          if (found === -1) {
            if (chunk[end - 1] === LF) this.#state = 'line-start';
            i = end;
          } else {
            i = found + 1;
            this.#state = 'line-start';
          }
          break;
        }
        case 'line-start':
          if (chunk[i] === DOT) {
            // The termination octet: dropped whatever follows (stuffed `..` or the terminator).
            this.#take(chunk, segmentStart, i);
            i += 1;
            segmentStart = i;
            this.#state = 'dot';
          } else {
            this.#state = 'in-line';
          }
          break;
        case 'dot':
          if (chunk[i] === CR) {
            // Held back until we know whether LF follows (the terminator) or not.
            i += 1;
            segmentStart = i;
            this.#state = 'dot-cr';
          } else {
            this.#state = 'in-line';
          }
          break;
        case 'dot-cr':
          if (chunk[i] === LF) {
            this.#done = true;
            this.#state = 'line-start';
            return i + 1;
          }
          // `.` CR then something else: not the terminator; the CR is data.
          this.#parts.push(CR_ONLY);
          this.#size += 1;
          this.#state = 'in-line';
          break;
      }
    }
    this.#take(chunk, segmentStart, end);
    return -1;
  }

  /** The decoded body, once `done` is true. */
  body(): Buffer {
    if (!this.#done) throw new Error('The multi-line body is not complete yet.');
    // Always a copy: the parts are views into socket chunks the caller should not keep alive.
    const body = Buffer.concat(this.#parts, this.#size);
    this.#parts = [body];
    return body;
  }

  #take(chunk: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.#parts.push(chunk.subarray(start, end));
    this.#size += end - start;
  }
}
