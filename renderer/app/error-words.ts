// Turns an API error into words for the form that made the call: which field it belongs to
// (if any) and a sentence a person can act on.
import type { ApiError } from '../../preload/contract.ts';

export interface ErrorWords {
  /** The top-level argument the error is about (`domains` for `domains.2`), if any. */
  field: string | null;
  /** For list arguments, which entry was wrong. */
  index: number | null;
  message: string;
}

export function describeError(error: ApiError): ErrorWords {
  const [field = null, indexText] = error.field ? error.field.split('.') : [];
  const index = indexText !== undefined && /^\d+$/.test(indexText) ? Number(indexText) : null;
  if (error.code !== 'invalid-arguments') return { field, index, message: error.message };
  // Main writes "projects.create: name: project name must not be empty"; the form already
  // says which call and field, so keep only the reason.
  const reason = error.field ? afterPrefix(error.message, `${error.field}: `) : error.message;
  return { field, index, message: sentence(reason) };
}

function afterPrefix(message: string, marker: string): string {
  const at = message.indexOf(marker);
  return at === -1 ? message : message.slice(at + marker.length);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'That was not accepted.';
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
