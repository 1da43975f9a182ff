// An imported list of password hashes, one user a line: /etc/shadow (`user:hash:…`), a
// Dovecot passwd-file (`user:{SCHEME}hash:…`) or CSV (`user,hash`). Each line's hash is
// checked here; which account it belongs to is decided later.
import type { HashListFormat, LineError } from '../../../preload/contract.ts';
import { contentLines } from '../../../shared/job-input/input-lines.ts';
import type { InputLine } from '../../../shared/job-input/input-lines.ts';
import { splitUserLine } from '../../../shared/job-input/user-fields.ts';
import { lineError } from '../../../shared/job-input/parse-result.ts';
import type { ParsedHash } from './hash-schemes.ts';
import { detectHash } from './detect-hash.ts';

/** What one line says about its user's password. */
export type HashField =
  | { kind: 'hash'; hash: ParsedHash }
  /** Something that should be a hash but cannot be used: why, in words. */
  | { kind: 'problem'; problem: string }
  /** No password to carry over (locked, disabled, kept elsewhere): why, in words. */
  | { kind: 'none'; reason: string };

export interface HashListEntry {
  line: number;
  username: string;
  field: HashField;
}

export interface HashList {
  format: HashListFormat;
  entries: HashListEntry[];
  /** Lines that name no user at all; the caller imports nothing while there are any. */
  errors: LineError[];
}

/** A paste of a whole directory can be long; this keeps one import to a sensible size. */
export const MAX_HASH_LINES = 20_000;

const CSV_DELIMITERS = [',', ';', '\t'] as const;
const HEADER_WORDS = /^(user(name)?|login|account|e-?mail( address)?|name|uid|mailbox)$/i;

/** Reads every line; `format` forces one reading, otherwise the first line decides. */
export function parseHashList(text: string, format?: HashListFormat): HashList {
  const lines = contentLines(text);
  const chosen = format ?? guessFormat(lines);
  if (lines.length === 0) {
    return { format: chosen, entries: [], errors: [{ line: 0, message: 'The list is empty.' }] };
  }
  if (lines.length > MAX_HASH_LINES) {
    return {
      format: chosen,
      entries: [],
      errors: [
        {
          line: 0,
          message: `The list has ${lines.length.toLocaleString('en')} lines; import at most ${MAX_HASH_LINES.toLocaleString('en')} at a time.`,
        },
      ],
    };
  }
  const entries: HashListEntry[] = [];
  const errors: LineError[] = [];
  const delimiter = chosen === 'csv' ? csvDelimiter(lines[0]!.text) : ':';
  lines.forEach((line, index) => {
    const fields = chosen === 'csv' ? splitUserLine(line.text, delimiter) : line.text.split(':');
    if (index === 0 && chosen === 'csv' && fields && isHeader(fields)) return;
    if (fields === undefined) {
      errors.push(lineError(line.number, 'a double quote opens a field but never closes it.'));
      return;
    }
    const username = fields[0]?.trim() ?? '';
    if (fields.length < 2 || username === '') {
      errors.push(lineError(line.number, expectedShape(chosen, delimiter)));
      return;
    }
    if (chosen === 'csv' && fields.length > 2) {
      errors.push(
        lineError(
          line.number,
          `“${username}” has ${fields.length} fields; ${expectedShape(chosen, delimiter)}`,
        ),
      );
      return;
    }
    entries.push({ line: line.number, username, field: readField(fields[1]!) });
  });
  return { format: chosen, entries, errors };
}

/** The hash field of one line, with /etc/shadow's markers for "no password here" read as such. */
function readField(raw: string): HashField {
  const text = raw.trim();
  if (text === '') return { kind: 'none', reason: 'there is no hash on this line (no password at all).' };
  if (text === 'x') {
    return {
      kind: 'none',
      reason:
        'the hash is kept elsewhere (this looks like /etc/passwd): import /etc/shadow or the passwd-file instead.',
    };
  }
  if (/^(\*|!!?|\*LK\*|LK|NP|\*NP\*)$/.test(text) || /^\*LOCKED\*/.test(text)) {
    return { kind: 'none', reason: 'it has no password that works on the old system (locked or disabled).' };
  }
  if (text.startsWith('!')) {
    return {
      kind: 'none',
      reason: 'it is locked on the old system, so its hash is not carried over; it stays locked.',
    };
  }
  const checked = detectHash(text);
  return checked.ok ? { kind: 'hash', hash: checked.hash } : { kind: 'problem', problem: checked.problem };
}

/**
 * Colon-separated unless the first line has a CSV delimiter before any colon. shadow and
 * passwd-file read alike; the name only tells the admin what Cutover took the list for.
 */
function guessFormat(lines: InputLine[]): HashListFormat {
  const first = lines[0]?.text ?? '';
  const colon = first.indexOf(':');
  const csv = CSV_DELIMITERS.map((d) => first.indexOf(d)).filter((at) => at >= 0);
  if (csv.length > 0 && (colon < 0 || Math.min(...csv) < colon)) return 'csv';
  return colon >= 0 &&
    first
      .slice(colon + 1)
      .trimStart()
      .startsWith('{')
    ? 'passwd-file'
    : 'shadow';
}

function csvDelimiter(first: string): string {
  return CSV_DELIMITERS.find((d) => first.includes(d)) ?? ',';
}

function isHeader(fields: string[]): boolean {
  return fields.length >= 2 && HEADER_WORDS.test(fields[0]!.trim()) && /^[a-z _-]+$/i.test(fields[1]!.trim());
}

function expectedShape(format: HashListFormat, delimiter: string): string {
  if (format !== 'csv') {
    return 'write the user, a colon and the hash, as in /etc/shadow (ann:$6$…) or a passwd-file (ann:{SSHA}…).';
  }
  const shown = delimiter === '\t' ? 'a tab' : `“${delimiter}”`;
  return `write the user and the hash separated by ${shown}, as in ann${delimiter === '\t' ? '<tab>' : delimiter}$6$…`;
}
