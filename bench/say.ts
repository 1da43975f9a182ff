// The benchmark's output: lines on stdout, times and sizes in one format, and tables.
import { loadavg } from 'node:os';

export const say = (line = '') => process.stdout.write(`${line}\n`);
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mb = (bytes: number) => bytes / 1e6;
/** Other work on the machine skews every timing here: the 1-minute load average, per phase. */
export const load = () => loadavg()[0]!.toFixed(2);

/** Prints rows as columns padded to their widest cell, under a header and a rule. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length), 4));
  const line = (r: readonly string[]) =>
    `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  say(line(header));
  say(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) say(line(r));
}
