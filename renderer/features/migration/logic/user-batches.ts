// A job takes at most 500 accounts. A longer pasted list is split into batches of whole lines;
// each batch keeps the header and the line numbers of the pasted text (other lines are left
// blank, which the parser skips), so an error about "line 742" still points at line 742.
import { formatCount } from './progress-words.ts';
import { MAX_ACCOUNTS_PER_JOB } from '../../../../shared/limits.ts';
import { contentLines } from '../../../../shared/job-input/input-lines.ts';

export { MAX_ACCOUNTS_PER_JOB };

export interface AccountLine {
  /** 1-based line number in the pasted text. */
  number: number;
  text: string;
}

export interface AccountList {
  lines: string[];
  header: AccountLine | null;
  accounts: AccountLine[];
}

export interface Batch {
  /** 1-based positions of its first and last account in the list. */
  first: number;
  last: number;
  /** The text to send: the pasted text with every other account line blanked. */
  users: string;
  /** The pasted line numbers it carries (header excluded). */
  lineNumbers: number[];
}

const HEADER = /^\s*"?username"?\s*[,;\t|:]\s*"?password"?/i;

/** The lines that carry accounts, as main reads them: blank lines and `#` comments do not count. */
export function readAccountList(text: string): AccountList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const content: AccountLine[] = contentLines(text);
  const first = content[0];
  const header = first && HEADER.test(first.text) ? first : null;
  return { lines, header, accounts: header ? content.slice(1) : content };
}

/** Items cut into runs of at most `size`, in order, each with its 1-based first and last position. */
export function splitIntoBatches<T>(
  items: readonly T[],
  size = MAX_ACCOUNTS_PER_JOB,
): Array<{ first: number; last: number; items: T[] }> {
  const runs: Array<{ first: number; last: number; items: T[] }> = [];
  for (let start = 0; start < items.length; start += size) {
    const part = items.slice(start, start + size);
    runs.push({ first: start + 1, last: start + part.length, items: part });
  }
  return runs;
}

/** The list cut into batches of at most `size` accounts, in order. */
export function planBatches(text: string, size = MAX_ACCOUNTS_PER_JOB): Batch[] {
  const list = readAccountList(text);
  return splitIntoBatches(list.accounts, size).map(({ first, last, items }) => {
    const keep = new Set(items.map((line) => line.number));
    if (list.header) keep.add(list.header.number);
    return {
      first,
      last,
      users: list.lines.map((line, index) => (keep.has(index + 1) ? line : '')).join('\n'),
      lineNumbers: items.map((line) => line.number),
    };
  });
}

/** "Batch 1: accounts 1–500, batch 2: 501–1,000, batch 3: 1,001–1,203." */
export function describeBatches(batches: ReadonlyArray<Pick<Batch, 'first' | 'last'>>): string {
  const parts = batches.map(
    (batch, i) =>
      `${i === 0 ? 'Batch 1: accounts' : `batch ${i + 1}:`} ${formatCount(batch.first)}–${formatCount(batch.last)}`,
  );
  return parts.length ? `${parts.join(', ')}.` : '';
}

/**
 * The pasted text without the given lines (accounts already started), and where each line that
 * stays has moved to, so errors about the rest can name their new line numbers.
 */
export function withoutLines(
  text: string,
  drop: ReadonlySet<number>,
): { text: string; moved: (line: number) => number } {
  const lines = text.split(/\r\n|\r|\n/);
  const kept: string[] = [];
  const newNumber = new Map<number, number>();
  lines.forEach((line, index) => {
    if (drop.has(index + 1)) return;
    kept.push(line);
    newNumber.set(index + 1, kept.length);
  });
  return { text: kept.join('\n'), moved: (line) => newNumber.get(line) ?? line };
}
