import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { once } from 'node:events';
import { tunedEnvironment, TUNED_MARKER } from '../../main/hosts/cli/allocator-tuning.ts';

const BIN = join(import.meta.dirname, '../../bin/cutover.js');
const PRINT_START = join(import.meta.dirname, '../support/print-start-environment.ts');

describe('glibc malloc tuning for the CLI (tunedEnvironment)', () => {
  it('adds both variables on Linux, with the marker naming them', () => {
    expect(tunedEnvironment({ PATH: '/bin' }, 'linux')).toEqual({
      PATH: '/bin',
      MALLOC_MMAP_THRESHOLD_: '65536',
      MALLOC_TRIM_THRESHOLD_: '131072',
      [TUNED_MARKER]: 'MALLOC_MMAP_THRESHOLD_,MALLOC_TRIM_THRESHOLD_',
    });
  });

  it('keeps a value the user set and adds only what is missing; nothing when both are set', () => {
    expect(tunedEnvironment({ MALLOC_MMAP_THRESHOLD_: '262144' }, 'linux')).toEqual({
      MALLOC_MMAP_THRESHOLD_: '262144',
      MALLOC_TRIM_THRESHOLD_: '131072',
      [TUNED_MARKER]: 'MALLOC_TRIM_THRESHOLD_',
    });
    expect(
      tunedEnvironment({ MALLOC_MMAP_THRESHOLD_: '262144', MALLOC_TRIM_THRESHOLD_: '524288' }, 'linux'),
    ).toBeNull();
  });

  it('does nothing once restarted, under GLIBC_TUNABLES for malloc, or off Linux', () => {
    expect(tunedEnvironment({ [TUNED_MARKER]: '' }, 'linux')).toBeNull();
    expect(tunedEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux')).toBeNull();
    expect(tunedEnvironment({}, 'darwin')).toBeNull();
    expect(tunedEnvironment({}, 'win32')).toBeNull();
  });
});

interface Start {
  pid: number;
  env: Record<string, string>;
}

const MIGRATE_FROM_STDIN = [
  'migrate',
  '--source',
  'old.invalid',
  '--protocol',
  'imaps',
  '--dest',
  'new.invalid',
  '--users',
  '/dev/stdin',
];

/**
 * bin/cutover.js with every process start reported on stderr (print-start-environment.ts).
 * `shellPipe` runs it as `cat | cutover …` in sh, as a user pipes a file in: Node's own stdin
 * pipe is a socket, which /dev/stdin cannot open.
 */
function startCli(args: string[], env: NodeJS.ProcessEnv = {}, shellPipe = false) {
  const base = { ...process.env };
  for (const name of ['MALLOC_MMAP_THRESHOLD_', 'MALLOC_TRIM_THRESHOLD_', TUNED_MARKER]) delete base[name];
  const command = shellPipe
    ? ['/bin/sh', '-c', 'cat | "$@"', 'sh', process.execPath, BIN, ...args]
    : [process.execPath, BIN, ...args];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...base, NODE_OPTIONS: `--import=${PRINT_START}`, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const starts: Start[] = [];
  const waiting: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const found = [...stderr.matchAll(/^start-env (.*)$/gm)].map((m) => JSON.parse(m[1]!) as Start);
    starts.splice(0, starts.length, ...found);
    for (const wake of waiting.splice(0)) wake();
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    starts,
    output: () => ({ stdout, stderr }),
    exited,
    /** Resolves once the process has started `count` times. */
    async started(count: number): Promise<void> {
      while (starts.length < count) await new Promise<void>((wake) => waiting.push(wake));
    },
  };
}

describe.runIf(process.platform === 'linux')('bin/cutover.js restarts itself once with the tuning', () => {
  it('runs the command in the same process, started again with both variables; exit code 0', async () => {
    const cli = startCli(['--version']);
    const [code] = await cli.exited;
    expect(code).toBe(0);
    expect(cli.output().stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cli.starts.map((start) => start.pid)).toEqual([cli.child.pid, cli.child.pid]);
    expect(cli.starts[0]!.env).toEqual({});
    expect(cli.starts[1]!.env).toMatchObject({
      MALLOC_MMAP_THRESHOLD_: '65536',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
  });

  it("keeps the user's own value, and does not restart when both are set", async () => {
    const one = startCli(['--version'], { MALLOC_MMAP_THRESHOLD_: '262144' });
    await one.exited;
    expect(one.starts).toHaveLength(2);
    expect(one.starts[1]!.env).toMatchObject({
      MALLOC_MMAP_THRESHOLD_: '262144',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
    const both = startCli(['--version'], {
      MALLOC_MMAP_THRESHOLD_: '262144',
      MALLOC_TRIM_THRESHOLD_: '524288',
    });
    await both.exited;
    expect(both.starts).toHaveLength(1);
  });

  it('reads a users file piped into stdin and passes the exit code of a usage error through', async () => {
    const cli = startCli(MIGRATE_FROM_STDIN, {}, true);
    cli.child.stdin.end(Buffer.from('ann,secret\nbob,\xff\n', 'latin1'));
    const [code] = await cli.exited;
    expect(cli.starts).toHaveLength(2);
    expect(cli.starts[1]!.env).toMatchObject({ MALLOC_MMAP_THRESHOLD_: '65536' });
    expect(code).toBe(2);
    expect(cli.output().stderr).toContain('The users file "/dev/stdin" is not UTF-8 text (line 2)');
  });

  it('takes a signal sent to the pid it was started as', async () => {
    const cli = startCli(MIGRATE_FROM_STDIN);
    await cli.started(2); // the restarted process, now waiting for its users on stdin
    cli.child.kill('SIGTERM');
    const [code, signal] = await cli.exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
  });
});
