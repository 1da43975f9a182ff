// Sorts the reasons `jobs.start` gives for not starting a job to the fields they are about, so
// each field can list its own bad lines. Main lists every problem of every input, one a line
// ("users: line 2: …"); the schema check names one field by its path ("source.host").
import type { ApiError } from '../../../../preload/contract.ts';
import { describeError } from '../../../app/error-words.ts';

export type StartField =
  | 'name'
  | 'sourceHost'
  | 'sourcePorts'
  | 'sourceTrust'
  | 'destinationHost'
  | 'destinationPort'
  | 'destinationTrust'
  | 'admin'
  | 'users'
  | 'skip'
  | 'translate'
  | 'concurrency';

export interface StartProblems {
  byField: Partial<Record<StartField, string[]>>;
  /** Problems no field owns, shown at the top of the form. */
  general: string[];
  /** The fields with problems, in the order the form shows them. */
  fields: StartField[];
}

/** The form's fields in screen order, so focus goes to the first one with a problem. */
export const FIELD_ORDER: readonly StartField[] = [
  'name',
  'sourceHost',
  'sourcePorts',
  'sourceTrust',
  'destinationHost',
  'destinationPort',
  'destinationTrust',
  'admin',
  'users',
  'skip',
  'translate',
  'concurrency',
];

const LIST_PREFIXES: Readonly<Record<string, StartField>> = {
  name: 'name',
  users: 'users',
  'skip list': 'skip',
  translations: 'translate',
  source: 'sourceHost',
  destination: 'destinationHost',
  'destination admin': 'admin',
  concurrency: 'concurrency',
};

function fieldOfPath(path: string): StartField | null {
  if (path === 'source.host') return 'sourceHost';
  if (path.startsWith('source.ports') || path === 'source.protocol') return 'sourcePorts';
  if (path === 'source.trustedFingerprint') return 'sourceTrust';
  if (path === 'destination.host') return 'destinationHost';
  if (path === 'destination.port' || path === 'destination.protocol') return 'destinationPort';
  if (path === 'destination.trustedFingerprint') return 'destinationTrust';
  if (path.startsWith('destination.admin')) return 'admin';
  const top = path.split('.')[0] ?? '';
  return (['name', 'users', 'skip', 'translate', 'concurrency'] as const).find((f) => f === top) ?? null;
}

/**
 * Problems by field. `moveLine` renumbers "line N" in the users list, for a list whose first
 * batches have already started and been taken out of the box.
 */
export function sortStartProblems(
  error: ApiError,
  moveLine: (line: number) => number = (n) => n,
): StartProblems {
  const byField: Partial<Record<StartField, string[]>> = {};
  const general: string[] = [];
  const add = (field: StartField | null, text: string) => {
    if (field === null) general.push(text);
    else (byField[field] ??= []).push(text);
  };

  if (error.code === 'invalid-arguments' && error.field) {
    add(fieldOfPath(error.field), describeError(error).message);
  } else if (error.code === 'invalid-arguments') {
    const [, ...rest] = error.message.split('\n');
    const lines = rest.map((line) => line.trim()).filter(Boolean);
    if (lines.length === 0) general.push(error.message);
    for (const line of lines) {
      const colon = line.indexOf(': ');
      const prefix = colon === -1 ? '' : line.slice(0, colon);
      const field = LIST_PREFIXES[prefix] ?? null;
      const text = field === null ? line : line.slice(colon + 2);
      add(field, field === 'users' ? renumber(text, moveLine) : sentence(text));
    }
  } else {
    general.push(error.message);
  }
  return { byField, general, fields: FIELD_ORDER.filter((f) => byField[f]?.length) };
}

function renumber(text: string, moveLine: (line: number) => number): string {
  return sentence(
    text
      .replace(/^line (\d+):/, (_, n: string) => `line ${moveLine(Number(n))}:`)
      .replace(/already on line (\d+)/, (_, n: string) => `already on line ${moveLine(Number(n))}`)
      .replace(/of line (\d+)/, (_, n: string) => `of line ${moveLine(Number(n))}`),
  );
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed ? trimmed[0]!.toUpperCase() + trimmed.slice(1) : trimmed;
}
