import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { migrateArgs } from '../../support/cli-migrate.ts';
import { runCliProcess } from '../../support/run-cli-process.ts';

// A job that could read nothing must never say "Every account is done".
let source: DovecotServer;
let destination: DovecotServer;
const dir = makeTempDir('nothing-to-read');

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(5, 'Full'));
  writeFileSync(join(dir.path, 'users.csv'), 'ann,pw\n');
});

afterAll(async () => {
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  dir.remove();
});

const migrate = (protocol: string, ports: string) =>
  runCliProcess(
    migrateArgs({
      db: join(dir.path, 'cutover.db'),
      source,
      destination,
      protocol,
      ports,
      trustSource: false,
      users: join(dir.path, 'users.csv'),
    }),
  );

describe('a job whose every source port is switched off', () => {
  it.each([
    ['imap', 'imap=0', 'imap=143'],
    ['auto', 'imap=0,imaps=0,pop3=0,pop3s=0', 'imaps=993,pop3s=995'],
  ])(
    '--protocol %s --ports %s is refused before it starts, with the port to give',
    async (protocol, ports, hint) => {
      const run = migrate(protocol, ports);
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toContain(
        `every port ${protocol.toUpperCase()} reads from is 0 (switched off), so nothing could be copied. Give a port, e.g. ${hint}.`,
      );
      expect(run.stderr()).not.toContain('Every account is done');
    },
  );
});
