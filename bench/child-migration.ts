// One job of our engine in a child process (bench/run-migration.ts), so its peak RSS and CPU
// are the migration's alone; and how a finished run is summed up and described.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { say, seconds } from './say.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The child starts as `cutover` does: with Node's compile cache on (bin/cutover.js calls
 * `enableCompileCache()`, whose directory without NODE_COMPILE_CACHE is this one).
 */
const CHILD_ENV = {
  ...process.env,
  NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? join(tmpdir(), 'node-compile-cache'),
};

/**
 * Loads the migration's modules once in a child, as any earlier `cutover` command on the machine
 * would have (e.g. `cutover check` before `cutover migrate`): run 1 then starts with the compile
 * cache warm, as the user's would. Returns how long the cold load took.
 */
export function warmUpChild(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(HERE, 'run-migration.ts'), 'warm-up'], {
      stdio: 'ignore',
      env: CHILD_ENV,
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`warm-up exited with ${code}`)),
    );
  });
}

export interface ChildResult {
  status: string;
  loadMs: number;
  jobMs: number;
  inProcessMs: number;
  maxRssKB: number;
  userCpuMs: number;
  systemCpuMs: number;
  flagChanges: number;
  problems: string[];
  memory: {
    afterLoadMiB: number;
    sampledPeakMiB: number;
    heapUsedMiB: number;
    externalMiB: number;
    arrayBuffersMiB: number;
    atMs: number;
  };
  accounts: Array<{
    username: string;
    status: string;
    total: number;
    copied: number;
    skipped: number;
    failed: number;
    bytes: number;
    error: string | null;
  }>;
  wallMs: number;
}

export interface MigrationContext {
  db: string;
  keyHex: string;
  /** The servers as the migration reaches them (through the WAN link, when there is one). */
  source: DovecotServer;
  destination: DovecotServer;
  users: Array<{ user: string; password: string }>;
}

/** Runs one job in a child process and returns its figures. */
export function migrate(
  context: MigrationContext,
  name: string,
  options: { cpuProfileDir?: string | null } = {},
): Promise<ChildResult> {
  const args = {
    db: context.db,
    keyHex: context.keyHex,
    name,
    users: context.users.map(({ user, password }) => `${user},${password}`).join('\n') + '\n',
    source: {
      host: context.source.host,
      ports: { imap: 0, imaps: context.source.ports.imaps, pop3: 0, pop3s: 0 },
      fingerprint: context.source.certificate.fingerprint256,
    },
    destination: {
      host: context.destination.host,
      port: context.destination.ports.imaps,
      fingerprint: context.destination.certificate.fingerprint256,
    },
  };
  const flags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, join(HERE, 'run-migration.ts'), JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: CHILD_ENV,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - started;
      // Experiments: what the child wrote to stderr (e.g. BENCH_MEMORY_TRACE), kept in a file.
      const keep = process.env['BENCH_CHILD_STDERR'];
      if (keep) appendFileSync(keep, `== ${name}\n${stderr}`);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(
          new Error(`run-migration exited with ${code}:\n${stderr.slice(-3000)}\n${stdout.slice(-2000)}`),
        );
        return;
      }
      resolve({ ...(JSON.parse(line) as Omit<ChildResult, 'wallMs'>), wallMs });
    });
  });
}

export function totals(result: ChildResult) {
  return result.accounts.reduce(
    (sum, a) => ({
      total: sum.total + a.total,
      copied: sum.copied + a.copied,
      skipped: sum.skipped + a.skipped,
      failed: sum.failed + a.failed,
      bytes: sum.bytes + a.bytes,
    }),
    { total: 0, copied: 0, skipped: 0, failed: 0, bytes: 0 },
  );
}

export function describeRun(label: string, result: ChildResult): void {
  const t = totals(result);
  say(
    `  ${label}: ${result.status}; ${t.copied} copied, ${t.skipped} already there, ${t.failed} failed of ${t.total}; ` +
      `job ${seconds(result.jobMs)}, process ${seconds(result.wallMs)} (module load ${seconds(result.loadMs)}); ` +
      `CPU user ${seconds(result.userCpuMs)} + sys ${seconds(result.systemCpuMs)}; peak RSS ${(result.maxRssKB / 1024).toFixed(0)} MiB` +
      (result.flagChanges ? `; ${result.flagChanges} flag changes carried over` : ''),
  );
  const m = result.memory;
  say(
    `    memory: ${m.afterLoadMiB.toFixed(0)} MiB RSS once the modules are loaded; at the sampled peak (${m.sampledPeakMiB.toFixed(0)} MiB, ` +
      `${seconds(m.atMs)} in) V8 heap ${m.heapUsedMiB.toFixed(0)} MiB, Buffers ${m.arrayBuffersMiB.toFixed(0)} MiB`,
  );
  for (const problem of result.problems) say(`    log: ${problem}`);
}
