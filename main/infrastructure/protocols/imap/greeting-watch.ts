/** What answered where an IMAP greeting was expected. */
export type GreetingKind = 'imap' | 'pop3' | 'smtp' | 'other';

/** Raised by openImap when the port speaks another protocol: no minutes of greeting time-outs. */
export class WrongProtocolError extends Error {
  readonly code = 'WRONG_PROTOCOL';
  readonly speaks: Exclude<GreetingKind, 'imap'>;

  constructor(speaks: Exclude<GreetingKind, 'imap'>) {
    super(`The server answered with a ${speaks === 'other' ? 'non-IMAP' : speaks.toUpperCase()} greeting.`);
    this.speaks = speaks;
  }
}

/** The first line a server sent, as a kind: `* OK` is IMAP, `+OK` POP3, `220` SMTP. */
export function greetingKind(line: string): GreetingKind {
  if (/^\*\s+(OK|PREAUTH|BYE)\b/i.test(line)) return 'imap';
  if (/^\+\s?OK\b/i.test(line)) return 'pop3';
  if (/^220[\s-]/.test(line)) return 'smtp';
  return 'other';
}

/**
 * A logger for imapflow that reads the server's first line and nothing after: it asks for
 * debug entries only until the greeting has been seen (imapflow then stops compiling log
 * lines), never prints, and ignores the client's lines (which carry credentials).
 */
export function watchGreeting(onWrong: (error: WrongProtocolError) => void) {
  let decided = false;
  let wrong: WrongProtocolError | null = null;
  const look = (entry: unknown) => {
    if (decided) return;
    const { src, msg } = (entry ?? {}) as { src?: string; msg?: unknown };
    if (src !== 's' || typeof msg !== 'string') return;
    decided = true;
    const kind = greetingKind(msg);
    if (kind !== 'imap') {
      wrong = new WrongProtocolError(kind);
      onWrong(wrong);
    }
  };
  const ignore = () => {};
  return {
    logger: {
      isLevelEnabled: (level: string) => !decided && level === 'debug',
      trace: ignore,
      debug: look,
      info: ignore,
      warn: ignore,
      error: look,
      fatal: ignore,
    },
    /** The wrong-protocol error, once seen. */
    wrong: () => wrong,
  };
}
