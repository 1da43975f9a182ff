import { delimiterProblem, describeDelimiter } from './delimiter.ts';
import { splitFolderName } from './folder-name.ts';
import { folderKey } from './folder-path.ts';
import type { Translation } from './folder-path.ts';
import { contentLines } from './input-lines.ts';
import { lineError, resultOf } from './parse-result.ts';
import type { InputError, ParseResult } from './parse-result.ts';

export interface ParseTranslationsOptions {
  /** One character between the two names on every line; chosen line by line when absent. */
  delimiter?: string;
}

/**
 * Folder translations, `source,destination` one pair a line. Folder levels are written with `/`
 * whatever the servers use (`Projects/2024,Archive/Projects 2024`); names are trimmed. Without
 * a delimiter option, a line with exactly one `,` is split there, else one with exactly one `:`
 * (for names containing commas). A line with one of each is refused rather than guessed.
 */
export function parseTranslations(
  text: string,
  options: ParseTranslationsOptions = {},
): ParseResult<Translation[]> {
  if (options.delimiter !== undefined) {
    const problem = delimiterProblem(options.delimiter, ['/']);
    if (problem !== undefined) return resultOf([], [{ line: 0, message: problem }]);
  }
  const translations: Translation[] = [];
  const errors: InputError[] = [];
  const sourceLines = new Map<string, number>();
  for (const line of contentLines(text)) {
    const split = splitPair(line.text, options.delimiter);
    if (typeof split === 'string') {
      errors.push(lineError(line.number, split));
      continue;
    }
    const [sourceName, destinationName] = split;
    const source = folderPath(sourceName, 'source');
    const destination = folderPath(destinationName, 'destination');
    if (typeof source === 'string' || typeof destination === 'string') {
      const problems = [source, destination].filter((p) => typeof p === 'string');
      errors.push(lineError(line.number, problems.join(' ')));
      continue;
    }
    const key = folderKey(source);
    const earlier = sourceLines.get(key);
    if (earlier !== undefined) {
      errors.push(
        lineError(
          line.number,
          `"${sourceName}" is already translated on line ${earlier}; keep one of the two lines.`,
        ),
      );
      continue;
    }
    sourceLines.set(key, line.number);
    translations.push({ source, destination, line: line.number });
  }
  return resultOf(translations, errors);
}

function splitPair(text: string, delimiter: string | undefined): [string, string] | string {
  let chosen = delimiter;
  if (chosen === undefined) {
    const commas = count(text, ',');
    const colons = count(text, ':');
    if (commas === 1 && colons === 1) {
      return 'this line has one "," and one ":", so either could separate the names; choose the delimiter the list uses.';
    }
    if (commas === 1) chosen = ',';
    else if (colons === 1) chosen = ':';
    else
      return 'write exactly one "," between the source and destination folder names, or one ":" when a name contains commas.';
  } else if (count(text, chosen) !== 1) {
    return `write exactly one ${describeDelimiter(chosen)} between the source and destination folder names.`;
  }
  const at = text.indexOf(chosen);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

function folderPath(name: string, side: 'source' | 'destination'): string[] | string {
  if (name === '') return `the ${side} folder name is empty.`;
  return splitFolderName(name, '/');
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
