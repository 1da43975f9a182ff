import { stringify } from 'csv-stringify/sync';
import { TIMELINE_COLUMNS } from './timeline-rows.ts';
import type { TimelineRow } from './timeline-rows.ts';

/**
 * The timeline as CSV (RFC 4180 quoting by csv-stringify, CRLF line ends), with a byte-order
 * mark so spreadsheet programs read the UTF-8 text correctly.
 */
export function timelineCsv(rows: TimelineRow[]): string {
  return `\uFEFF${stringify(rows, {
    header: true,
    columns: TIMELINE_COLUMNS.map(({ key, header }) => ({ key, header })),
    record_delimiter: 'windows',
    // A line break inside a field is quoted too (details span several lines).
    quoted_match: /[\r\n]/,
  })}`;
}
