import { parse } from 'csv-parse/sync';

/**
 * The fields of one account line, with CSV quoting ("a,b", "" for a quote inside quotes).
 * A quote inside an unquoted field is kept as written (pa"ss). Undefined when a quoted field
 * is never closed. Fields are not trimmed: spaces in passwords count.
 */
export function splitUserLine(text: string, delimiter: string): string[] | undefined {
  try {
    const [record] = parse(text, { delimiter, relax_quotes: true, relax_column_count: true });
    return record ?? [];
  } catch {
    // The library's messages quote the line, which may hold a password: the caller words its own.
    return undefined;
  }
}

/** An account line has a username, a password and optionally a local username and password. */
export function hasAccountShape(fields: string[] | undefined): boolean {
  return fields !== undefined && fields.length >= 2 && fields.length <= 4;
}
