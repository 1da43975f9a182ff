// An alias list as admins have it: one alias a line, then the mailboxes or addresses it delivers
// to — `sales@example.com,ann@example.com,bob@example.com`, or as in Postfix's virtual table
// (`sales@example.com  ann@example.com, bob@example.com`) or an aliases file (`sales: ann, bob`).
import { contentLines } from '../../../shared/job-input/input-lines.ts';
import { lineError, resultOf } from '../../../shared/job-input/parse-result.ts';
import type { InputError, ParseResult } from '../../../shared/job-input/parse-result.ts';

export interface ParsedAlias {
  address: string;
  targets: string[];
  line: number;
}

export const MAX_ALIASES = 10_000;

// A local part of letters, digits and the usual punctuation, optionally @ a domain name.
const ADDRESS =
  /^[^\s@,;:<>()[\]"]+(@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)?$/i;
const HEADER = /^\s*"?(alias|address|source)"?\s*[,;\t:]/i;

/** Every alias with its targets, or every bad line by number; nothing half-read. */
export function parseAliases(text: string): ParseResult<ParsedAlias[]> {
  const lines = contentLines(text);
  const body = lines[0] && HEADER.test(lines[0].text) ? lines.slice(1) : lines;
  const errors: InputError[] = [];
  if (body.length === 0)
    errors.push({ line: 0, message: 'No aliases: write one a line, the alias and then where it delivers.' });
  if (body.length > MAX_ALIASES)
    errors.push({ line: 0, message: `At most ${MAX_ALIASES.toLocaleString('en')} aliases; split the list.` });

  const aliases: ParsedAlias[] = [];
  const seen = new Map<string, number>();
  for (const { number, text: raw } of body) {
    const [address = '', ...targets] = raw
      .trim()
      .split(/\s*[,;\t:]\s*|\s+/)
      .filter(Boolean);
    if (targets.length === 0) {
      errors.push(lineError(number, `"${address}" has no target: write the alias, then where it delivers.`));
      continue;
    }
    const bad = [address, ...targets].filter((a) => !ADDRESS.test(a));
    if (bad.length > 0) {
      errors.push(lineError(number, `${bad.map((b) => `"${b}"`).join(', ')} is not a mail address.`));
      continue;
    }
    const key = address.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(lineError(number, `${address} is already on line ${earlier}; give each alias one line.`));
      continue;
    }
    seen.set(key, number);
    aliases.push({ address: key, targets: [...new Set(targets.map((t) => t.toLowerCase()))], line: number });
  }
  return resultOf(aliases, errors);
}
