// A job's or an account's log as a text file a customer can read: one line per event, oldest
// first, with the time, the level, the account and folder it is about, and the message.
import type { LogLine } from '../../../../preload/contract.ts';

const LEVEL_WORDS: Readonly<Record<LogLine['level'], string>> = {
  info: 'INFO ',
  warn: 'WARN ',
  error: 'ERROR',
};

export interface LogFileSubject {
  job: string;
  /** Set for one account's log. */
  account?: string;
  sourceHost: string;
  destinationHost: string;
}

/** The whole file's text, with a short heading that says what it covers. */
export function logFileText(subject: LogFileSubject, lines: readonly LogLine[], savedAt: Date): string {
  const heading = [
    subject.account
      ? `Cutover log of ${subject.account} in job "${subject.job}"`
      : `Cutover log of job "${subject.job}"`,
    `Old server: ${subject.sourceHost}    New server: ${subject.destinationHost}`,
    `Saved ${savedAt.toISOString()}. ${lines.length === 1 ? '1 line' : `${lines.length} lines`}; times are UTC.`,
    '',
  ];
  const body = lines.map((line) => {
    const where = [line.account, line.folder].filter(Boolean).join(' / ');
    return `${line.at}  ${LEVEL_WORDS[line.level]}  ${where ? `[${where}] ` : ''}${line.message}`;
  });
  return `${[...heading, ...body].join('\n')}\n`;
}

/** A file name that is safe on every system: "cutover-job-7-ann-example.com.log". */
export function logFileName(subject: Pick<LogFileSubject, 'job' | 'account'>): string {
  const safe = (text: string) =>
    text
      .replace(/[^\w.@-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed';
  return `cutover-job-${safe(subject.job)}${subject.account ? `-${safe(subject.account)}` : ''}.log`;
}

/**
 * Saves text as a file through the browser's download: a Blob URL on an anchor with
 * `download`. That is a navigation, not a fetch, so the CSP (no blob: in connect-src or
 * img-src) does not block it.
 */
export function downloadText(fileName: string, text: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has its own reference by now; give it a moment before letting go of the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
