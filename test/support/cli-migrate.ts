import type { DovecotServer } from '../harness/dovecot.ts';

/** What a `cutover migrate` command line between two harness servers varies in. */
export interface MigrateLine {
  db: string;
  source: DovecotServer;
  destination: DovecotServer;
  users: string;
  name?: string;
  protocol?: string;
  /** The --ports value; default: imaps on `sourcePort` (a slow link's) or the source's own. */
  ports?: string;
  sourcePort?: number;
  /** Trust the source's certificate by its fingerprint (default true). */
  trustSource?: boolean;
  extra?: string[];
}

/** `cutover --db … --json migrate …` with both harness certificates pinned, as a consultant types it. */
export function migrateArgs(line: MigrateLine): string[] {
  return [
    '--db',
    line.db,
    '--json',
    'migrate',
    '--source',
    '127.0.0.1',
    '--protocol',
    line.protocol ?? 'imaps',
    '--ports',
    line.ports ?? `imaps=${line.sourcePort ?? line.source.ports.imaps}`,
    ...(line.trustSource === false ? [] : ['--trust', line.source.certificate.fingerprint256]),
    '--dest',
    '127.0.0.1',
    '--dest-port',
    String(line.destination.ports.imaps),
    '--dest-trust',
    line.destination.certificate.fingerprint256,
    '--users',
    line.users,
    ...(line.name !== undefined ? ['--name', line.name] : []),
    ...(line.extra ?? []),
  ];
}
