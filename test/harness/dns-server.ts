// A real authoritative DNS server (Knot DNS, Debian package "knot") on 127.0.0.1 with zones
// written by the test, so DNS diagnostics meet real wire answers, TTLs and NXDOMAINs.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const KNOTD = '/usr/sbin/knotd';
const KNOTC = '/usr/sbin/knotc';
const START_TIMEOUT_MS = 10_000;

/** One zone: its origin and zone-file lines (relative names allowed, "@" is the origin). */
export interface TestZone {
  origin: string;
  /** e.g. `@ 3600 IN MX 10 mx.example.test.`; an SOA is added when none is given. */
  records: string[];
}

/** A running test DNS server. */
export interface TestDnsServer {
  host: '127.0.0.1';
  port: number;
  /** "127.0.0.1:PORT", the form --resolver and --authority take. */
  address: string;
  /** What Knot logged so far, for a failing test's message. */
  log(): string;
  /** Serves new records for a zone it already has (a DNS provider's edit); resolves once loaded. */
  replaceZone(zone: TestZone): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<{ child: ChildProcess; dir: string }>();

/** Starts Knot DNS serving `zones`; resolves once every zone is loaded and the server listens. */
export async function startDnsServer(options: { zones: TestZone[] }): Promise<TestDnsServer> {
  if (!existsSync(KNOTD)) {
    throw new Error(`${KNOTD} not found: install the Debian package "knot" (apt-get install knot)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'cutover-knot-'));
  try {
    for (const zone of options.zones) await writeFile(join(dir, `${origin(zone)}zone`), zoneFile(zone));
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      await writeFile(join(dir, 'knot.conf'), config(dir, port, options.zones));
      const child = spawn(KNOTD, ['-c', join(dir, 'knot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.unref();
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const entry = { child, dir };
      running.add(entry);
      installExitHook();
      const ready = await waitUntilReady(child, () => stderr, options.zones.length);
      if (ready === 'ready') {
        let serial = 1;
        return {
          host: '127.0.0.1',
          port,
          address: `127.0.0.1:${port}`,
          log: () => stderr,
          replaceZone: async (zone) => {
            serial += 1;
            await writeFile(join(dir, `${origin(zone)}zone`), zoneFile(zone, serial));
            // -b: wait until the zone is loaded, so the next question gets the new answer.
            await promisify(execFile)(KNOTC, [
              '-c',
              join(dir, 'knot.conf'),
              '-b',
              'zone-reload',
              origin(zone),
            ]);
          },
          stop: async () => {
            await stopProcess(child);
            running.delete(entry);
            await rm(dir, { recursive: true, force: true });
          },
        };
      }
      await stopProcess(child);
      running.delete(entry);
      if (/Address already in use|failed to bind/i.test(stderr) && attempt < 3) continue;
      throw new Error(`Knot DNS did not start (${ready}):\n${stderr.split('\n').slice(-20).join('\n')}`);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function origin(zone: TestZone): string {
  return zone.origin.endsWith('.') ? zone.origin : `${zone.origin}.`;
}

function zoneFile(zone: TestZone, serial = 1): string {
  const hasSoa = zone.records.some((line) => /\sSOA\s/i.test(line));
  const soa = `@ 3600 IN SOA ns1.${origin(zone)} hostmaster.${origin(zone)} ${serial} 3600 600 86400 300`;
  return [`$ORIGIN ${origin(zone)}`, '$TTL 3600', ...(hasSoa ? [] : [soa]), ...zone.records, ''].join('\n');
}

function config(dir: string, port: number, zones: TestZone[]): string {
  return [
    '# Written by test/harness/dns-server.ts.',
    'server:',
    `    rundir: "${dir}"`,
    `    pidfile: "${join(dir, 'knot.pid')}"`,
    `    listen: 127.0.0.1@${port}`,
    '    udp-workers: 1',
    '    tcp-workers: 1',
    '    background-workers: 1',
    'database:',
    `    storage: "${join(dir, 'db')}"`,
    'log:',
    '  - target: stderr',
    '    any: info',
    'template:',
    '  - id: default',
    `    storage: "${dir}"`,
    '    file: "%s.zone"',
    '    semantic-checks: off',
    '    zonefile-sync: -1',
    '    journal-content: none',
    'zone:',
    ...zones.map((zone) => `  - domain: ${origin(zone)}`),
    '',
  ].join('\n');
}

async function waitUntilReady(
  child: ChildProcess,
  log: () => string,
  zoneCount: number,
): Promise<'ready' | 'exited' | 'timeout' | 'zone not loaded'> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited';
    const text = log();
    const loaded = text.match(/\] loaded, serial/g)?.length ?? 0;
    if (/server started/.test(text) && loaded >= zoneCount) return 'ready';
    if (/zone event 'load' failed/.test(text)) return 'zone not loaded';
    await sleep(20);
  }
  return 'timeout';
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let exitHookInstalled = false;

// A test runner that exits without calling stop() must not leave Knot servers behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const entry of running) {
      entry.child.kill('SIGKILL');
      rmSync(entry.dir, { recursive: true, force: true });
    }
  });
}
