import { afterAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../main/hosts/cli/run-cli.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const dir = makeTempDir('cli');
afterAll(() => dir.remove());

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(argv, { stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('cutover CLI', () => {
  it('lists its commands in --help and exits 0', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const command of ['serve', 'projects', 'info'])
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(stdout).toContain('--db <file>');
    expect(stdout).toContain('--json');
  });

  it('gives usage errors their own exit status and a pointer to --help', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(unknown.stderr).toContain('cutover --help');
    const badPort = await cli('serve', '--port', 'eighty');
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('a port is a whole number');
  });

  it('validates through the same contract as the app (bad date → usage error, nothing created)', async () => {
    const db = join(dir.path, 'bad.db');
    const bad = await cli('--db', db, 'projects', 'create', 'Acme', '--cutover-date', '14/12/2026');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cutoverDate: dates are written YYYY-MM-DD');
    expect((await cli('--db', db, '--json', 'projects', 'list')).stdout).toBe('[]\n');
  });

  it('creates and lists projects in the --db file, as text or JSON', async () => {
    const db = join(dir.path, 'cli.db');
    const created = await cli(
      '--db',
      db,
      'projects',
      'create',
      'Acme',
      '--customer',
      'Acme Ltd',
      '--domain',
      'acme.test',
      '--cutover-date',
      '2026-12-14',
    );
    expect(created).toMatchObject({ code: 0, stdout: 'Created project 1: Acme\n' });
    const duplicate = await cli('--db', db, 'projects', 'create', 'ACME');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    const json = await cli('--db', db, '--json', 'projects', 'list');
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        id: 1,
        name: 'Acme',
        customer: 'Acme Ltd',
        cutoverDate: '2026-12-14',
        accountCount: 0,
      }),
    ]);
    const text = await cli('--db', db, 'projects', 'list');
    expect(text.stdout).toContain('Acme\tAcme Ltd\tcutover 2026-12-14\t0 accounts');
  });

  it('runs as the installed bin on this Node', () => {
    const out = execFileSync(
      process.execPath,
      [join(import.meta.dirname, '../../bin/cutover.js'), '--version'],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
