// `npm run bench`: the migration benchmark of issue 3. Seeds a deterministic corpus (4 accounts ×
// 2,500 messages) on a local Dovecot, migrates it with our engine (in a child process, for its own
// peak RSS) into a fresh Dovecot, runs it again (nothing to copy), then again after 100 new
// messages and 100 flag changes; times `doveadm backup` over imapc into another fresh Dovecot;
// verifies every message byte for byte with flags and INTERNALDATE; prints the figures.
//
//   npm run bench [-- --floor] [-- --doveadm-first] [-- --cpu-prof DIR]   (see bench/README.md)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDovecot } from '../test/harness/dovecot.ts';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import {
  ACCOUNTS,
  FOLDERS,
  MESSAGES_PER_ACCOUNT,
  expectedOf,
  flagChangePlan,
  laterSpecs,
  messageBytes,
  passwordOf,
  toCrlf,
} from './corpus.ts';
import type { Expected } from './corpus.ts';
import { indexAndCount, seedAccount } from './seed-maildir.ts';
import type { SeededAccount } from './seed-maildir.ts';
import { compare, openClient, readAccount } from './verify.ts';
import type { Check, MailboxContents } from './verify.ts';
import { backupCommand, doveadmBackup } from './doveadm-backup.ts';
import { reapedChildrenCpuSeconds, treeCpuSeconds } from './cpu.ts';
import { floorCopy } from './imap-floor.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const DOVEADM_FIRST = argv.includes('--doveadm-first');
const FLOOR = argv.includes('--floor');
const CPU_PROF_DIR = argv.includes('--cpu-prof')
  ? (argv[argv.indexOf('--cpu-prof') + 1] ?? join(tmpdir(), 'cutover-bench-prof'))
  : null;
for (const arg of argv) {
  if (arg.startsWith('--') && !['--doveadm-first', '--floor', '--cpu-prof'].includes(arg)) {
    process.stderr.write(`Unknown option ${arg}. Options: --floor, --doveadm-first, --cpu-prof DIR\n`);
    process.exit(2);
  }
}
const LAYOUT = 'fs' as const; // separator "/" on both sides, so folder names match one to one

const TARGETS = { ratio: 1.3, secondRunS: 1, changedRunS: 2, rssMB: 150 };

interface ChildResult {
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

const servers: DovecotServer[] = [];
const checks: Array<Check & { section: string }> = [];
const say = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => bytes / 1e6;
/** Other work on the machine skews every timing here: the 1-minute load average, per phase. */
const load = () => loadavg()[0]!.toFixed(2);

function record(section: string, list: Check[]): void {
  for (const check of list) {
    checks.push({ ...check, section });
    say(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
  }
}

function usersCsv(): string {
  return ACCOUNTS.map((user) => `${user},${passwordOf(user)}`).join('\n') + '\n';
}

/** Runs one job in a child process (bench/run-migration.ts) and returns its figures. */
function migrate(
  context: { db: string; keyHex: string; source: DovecotServer; destination: DovecotServer },
  name: string,
  options: { profile?: boolean } = {},
): Promise<ChildResult> {
  const args = {
    db: context.db,
    keyHex: context.keyHex,
    name,
    users: usersCsv(),
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
  const flags = options.profile && CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, join(HERE, 'run-migration.ts'), JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - started;
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

interface CpuSplit {
  /** The migrating process: our child, or the doveadm processes. */
  client: number;
  source: number;
  destination: number;
}

/**
 * Runs `work` and says how many CPU seconds the client, the source and the destination used.
 * The client is a child process (ours, doveadm) unless `inProcess` (the floor copier).
 */
async function withCpu<T>(
  destination: DovecotServer,
  source: DovecotServer,
  work: () => Promise<T>,
  inProcess = false,
) {
  const ownCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const read = (): CpuSplit => ({
    client: inProcess ? ownCpu() : reapedChildrenCpuSeconds(),
    source: treeCpuSeconds(source.pid),
    destination: treeCpuSeconds(destination.pid),
  });
  const before = read();
  const value = await work();
  await new Promise((resolve) => setTimeout(resolve, 300)); // let Dovecot reap its imap processes
  const after = read();
  const cpu: CpuSplit = {
    client: after.client - before.client,
    source: after.source - before.source,
    destination: after.destination - before.destination,
  };
  return { value, cpu };
}

const cpuTotal = (cpu: CpuSplit) => cpu.client + cpu.source + cpu.destination;
const cpuLine = (cpu: CpuSplit, client: string) =>
  `CPU seconds: ${client} ${cpu.client.toFixed(1)}, source Dovecot ${cpu.source.toFixed(1)}, ` +
  `destination Dovecot ${cpu.destination.toFixed(1)} (total ${cpuTotal(cpu).toFixed(1)}); load average ${load()}`;

function totals(result: ChildResult) {
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

function describeRun(label: string, result: ChildResult): void {
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

async function readAll(server: DovecotServer): Promise<Map<string, MailboxContents>> {
  const entries = await Promise.all(
    ACCOUNTS.map(async (user) => [user, await readAccount(server, user, passwordOf(user))] as const),
  );
  return new Map(entries);
}

/** Step 5: 100 new messages (25 an account) and 100 flag changes on the source, over IMAP. */
async function changeSource(
  source: DovecotServer,
  seeded: SeededAccount[],
): Promise<{ expected: Expected[]; changed: Array<{ expected: Expected; flags: string[] }>; added: number }> {
  const expected = seeded.flatMap((s) => s.expected.map((e) => ({ ...e, flags: [...e.flags] })));
  const byId = new Map(expected.map((e) => [e.id, e]));
  const changed: Array<{ expected: Expected; flags: string[] }> = [];
  let added = 0;
  for (const account of seeded) {
    const client = await openClient(source, account.account, passwordOf(account.account));
    try {
      const later = laterSpecs(account.account, account.specs);
      for (const spec of later) {
        const crlf = toCrlf(messageBytes(spec));
        await client.append(spec.folder, crlf, spec.flags, spec.internalDate);
        const record = expectedOf(spec, crlf);
        expected.push(record);
        byId.set(record.id, record);
        added++;
      }
      const plan = flagChangePlan(account.specs, [...account.specs, ...later]);
      const byFolder = new Map<string, typeof plan>();
      for (const change of plan) {
        const list = byFolder.get(change.spec.folder) ?? [];
        list.push(change);
        byFolder.set(change.spec.folder, list);
      }
      for (const [folder, changes] of byFolder) {
        await client.mailboxOpen(folder);
        const uidById = new Map<string, number[]>();
        for await (const m of client.fetch('1:*', { uid: true, headers: ['message-id'] }, { uid: true })) {
          const id = /^message-id:\s*(.*?)\s*$/im.exec(m.headers?.toString('latin1') ?? '')?.[1];
          if (id) uidById.set(id, [...(uidById.get(id) ?? []), m.uid]);
        }
        for (const { spec, flags } of changes) {
          const uids = uidById.get(spec.messageId!) ?? [];
          if (uids.length !== 1)
            throw new Error(`Flag change: ${spec.id} found ${uids.length} times on the source`);
          await client.messageFlagsSet(String(uids[0]), flags, { uid: true });
          const record = byId.get(spec.id)!;
          record.flags = [...flags].sort();
          changed.push({ expected: record, flags: record.flags });
        }
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
  return { expected, changed, added };
}

async function main(): Promise<number> {
  const benchStart = performance.now();
  say(
    `Cutover migration benchmark — ${ACCOUNTS.length} accounts × ${MESSAGES_PER_ACCOUNT} messages, ${FOLDERS.length} folders`,
  );
  say(
    `Node ${process.version}, Dovecot layout "${LAYOUT}", ${cpus().length} CPUs, load average ${load()} at start`,
  );
  if (loadavg()[0]! > cpus().length * 0.5)
    say(
      '  NOTE: the machine is busy with other work; timings will be slower and noisier than on an idle machine.',
    );
  const users = ACCOUNTS.map((username) => ({ username, password: passwordOf(username) }));
  const started = await Promise.all(
    Array.from({ length: FLOOR ? 4 : 3 }, () => startDovecot({ users, layout: LAYOUT })),
  );
  servers.push(...started);
  const [source, ours, theirs, floorDestination] = started as [
    DovecotServer,
    DovecotServer,
    DovecotServer,
    DovecotServer | undefined,
  ];
  const work = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  try {
    // ---- seeding (not part of the figures)
    say('\n== Seeding the source (Maildir files written directly)');
    let t = performance.now();
    const seeded = await Promise.all(ACCOUNTS.map((account) => seedAccount(source, account)));
    const seedMs = performance.now() - t;
    t = performance.now();
    const counts = await Promise.all(ACCOUNTS.map((account) => indexAndCount(source, account)));
    const indexMs = performance.now() - t;
    const corpus = seeded.flatMap((s) => s.expected);
    const corpusBytes = corpus.reduce((sum, e) => sum + e.size, 0);
    const sizes = corpus.map((e) => e.size).sort((a, b) => a - b);
    say(
      `  ${corpus.length} messages, ${mb(corpusBytes).toFixed(1)} MB; median ${(sizes[sizes.length >> 1]! / 1024).toFixed(1)} KiB; ` +
        `${sizes.filter((s) => s >= 100_000 && s <= 1_048_576).length} of 100 KB–1 MiB; ` +
        `${sizes.filter((s) => s >= 5e6).length} of 5–20 MiB (largest ${(sizes.at(-1)! / 1048576).toFixed(1)} MiB); ` +
        `${corpus.filter((e) => !e.hasMessageId).length} without Message-ID; ` +
        `${corpus.filter((e) => e.duplicateOf).length} exact duplicates`,
    );
    say(`  generated and written in ${seconds(seedMs)}, indexed by Dovecot in ${seconds(indexMs)}`);
    const countProblems: string[] = [];
    counts.forEach((map, i) => {
      for (const [folder, n] of FOLDERS)
        if (map.get(folder) !== n)
          countProblems.push(`${ACCOUNTS[i]}/${folder}: ${map.get(folder)} instead of ${n}`);
    });
    record('seeding', [
      {
        name: 'source holds the corpus (doveadm counts)',
        pass: countProblems.length === 0,
        detail: countProblems.length === 0 ? `${corpus.length} messages` : countProblems.join('; '),
      },
    ]);
    t = performance.now();
    record(
      'seeding',
      compare(corpus, await readAll(source)).map((c) => ({ ...c, name: `source: ${c.name}` })),
    );
    say(`  (source verified over IMAP in ${seconds(performance.now() - t)})`);

    const context = {
      db: join(work, 'cutover.db'),
      keyHex: randomBytes(32).toString('hex'),
      source,
      destination: ours,
    };
    let doveadmCpuSplit: CpuSplit | null = null;
    const runDoveadm = async () => {
      say('\n== doveadm backup -R over imapc into another fresh Dovecot (4 users at once)');
      say(`  ${backupCommand(source, ACCOUNTS[0])}`);
      const { value: result, cpu } = await withCpu(theirs, source, () =>
        doveadmBackup(
          source,
          theirs,
          ACCOUNTS.map((user) => ({ user, password: passwordOf(user) })),
        ),
      );
      say(
        `  wall ${seconds(result.wallMs)} (per user ${result.perUserMs.map((ms) => seconds(ms)).join(', ')})`,
      );
      say(`  ${cpuLine(cpu, 'doveadm (dsync)')}`);
      doveadmCpuSplit = cpu;
      return result;
    };

    // ---- run 1: full copy
    const doveadmEarly = DOVEADM_FIRST ? await runDoveadm() : null;
    say('\n== Run 1: full copy with our engine into a fresh Dovecot (child process, 4 accounts at a time)');
    const { value: run1, cpu: run1Cpu } = await withCpu(ours, source, () =>
      migrate(context, 'bench-1', { profile: true }),
    );
    describeRun('run 1', run1);
    say(`  ${cpuLine(run1Cpu, 'our process')}`);
    const run1Totals = totals(run1);

    // ---- run 2: immediately again, new job name
    say('\n== Run 2: immediately again (new job, same users: nothing to copy)');
    const { value: run2, cpu: run2Cpu } = await withCpu(ours, source, () => migrate(context, 'bench-2'));
    describeRun('run 2', run2);
    say(`  ${cpuLine(run2Cpu, 'our process')}`);
    const run2Totals = totals(run2);

    const doveadm = doveadmEarly ?? (await runDoveadm());
    const doveadmCpu = doveadmCpuSplit!;

    let floor: { wallMs: number; cpu: CpuSplit } | null = null;
    if (floorDestination) {
      say(
        '\n== Floor: a minimal raw IMAP copier (MULTIAPPEND, LITERAL+, no dedupe/ledger) into a third Dovecot',
      );
      const { value, cpu } = await withCpu(
        floorDestination,
        source,
        () =>
          floorCopy(
            source,
            floorDestination,
            ACCOUNTS.map((user) => ({ user, password: passwordOf(user) })),
            FOLDERS.map(([folder]) => folder),
          ),
        true,
      );
      const landed = (await Promise.all(ACCOUNTS.map((a) => indexAndCount(floorDestination, a)))).reduce(
        (sum, map) => sum + [...map.values()].reduce((a, b) => a + b, 0),
        0,
      );
      say(
        `  wall ${seconds(value.wallMs)}, ${landed}/${corpus.length} messages landed; ${cpuLine(cpu, 'floor client')}`,
      );
      floor = { wallMs: value.wallMs, cpu };
    }

    say('\n== Verifying run 1 (destination against the corpus; not timed)');
    t = performance.now();
    record('run 1', [
      {
        name: 'job outcome',
        pass: run1.status === 'done' && run1Totals.copied === corpus.length && run1Totals.failed === 0,
        detail: `${run1.status}, ${run1Totals.copied}/${corpus.length} copied, ${run1Totals.failed} failed`,
      },
      ...compare(corpus, await readAll(ours)),
      {
        name: 'run 2 copied nothing',
        pass: run2.status === 'done' && run2Totals.copied === 0 && run2Totals.skipped === corpus.length,
        detail: `${run2Totals.copied} copied, ${run2Totals.skipped} already there`,
      },
    ]);
    say(`  (verified in ${seconds(performance.now() - t)})`);

    // ---- run 3: after 100 new messages and 100 flag changes
    say('\n== Run 3: after 100 new source messages and 100 flag changes');
    const changes = await changeSource(source, seeded);
    say(`  source: ${changes.added} messages appended, ${changes.changed.length} messages' flags changed`);
    const { value: run3, cpu: run3Cpu } = await withCpu(ours, source, () => migrate(context, 'bench-3'));
    describeRun('run 3', run3);
    say(`  ${cpuLine(run3Cpu, 'our process')}`);
    const run3Totals = totals(run3);
    const final = await readAll(ours);
    let flagsArrived = 0;
    for (const { expected, flags } of changes.changed) {
      const list = final.get(expected.account)?.get(expected.folder) ?? [];
      if (list.some((o) => o.sha256 === expected.sha256 && o.flags.join(' ') === flags.join(' ')))
        flagsArrived++;
    }
    record('run 3', [
      {
        name: 'exactly the 100 new messages copied',
        pass: run3.status === 'done' && run3Totals.copied === changes.added && run3Totals.failed === 0,
        detail: `${run3Totals.copied} copied (expected ${changes.added}), ${run3Totals.failed} failed`,
      },
      {
        name: 'the 100 flag changes arrived',
        pass: flagsArrived === changes.changed.length,
        detail: `${flagsArrived}/${changes.changed.length} on the destination (engine reports ${run3.flagChanges})`,
      },
      ...compare(changes.expected, final).map((c) => ({ ...c, name: `after run 3: ${c.name}` })),
    ]);

    say('\n== doveadm backup result against the corpus (for reference, not a pass/fail of ours)');
    const reference = compare(corpus, await readAll(theirs));
    for (const c of reference) say(`  ${c.pass ? 'same' : 'DIFF'}  ${c.name}: ${c.detail}`);

    // ---- figures
    const ratio = run1.wallMs / doveadm.wallMs;
    const rssMB = (run1.maxRssKB * 1024) / 1e6;
    const rows: Array<[string, string, string, string]> = [
      ['first run: wall time (child process)', seconds(run1.wallMs), '', ''],
      ['first run: of which runJob', seconds(run1.jobMs), '', ''],
      ['first run: messages/s', (corpus.length / (run1.wallMs / 1000)).toFixed(0), '', ''],
      ['first run: MB/s (10^6 B)', (mb(corpusBytes) / (run1.wallMs / 1000)).toFixed(1), '', ''],
      [
        'first run: peak RSS',
        `${rssMB.toFixed(0)} MB`,
        `< ${TARGETS.rssMB} MB`,
        rssMB < TARGETS.rssMB ? 'met' : 'MISSED',
      ],
      ['doveadm backup -R (4 parallel)', seconds(doveadm.wallMs), '', ''],
      [
        'first run / doveadm backup',
        `${ratio.toFixed(2)}×`,
        `≤ ${TARGETS.ratio}×`,
        ratio <= TARGETS.ratio ? 'met' : 'MISSED',
      ],
      [
        'same, in CPU seconds (all processes)',
        `${cpuTotal(run1Cpu).toFixed(1)} / ${cpuTotal(doveadmCpu).toFixed(1)} = ${(cpuTotal(run1Cpu) / cpuTotal(doveadmCpu)).toFixed(2)}×`,
        '',
        '(less sensitive to load)',
      ],
      ...(floor
        ? [
            [
              'floor IMAP copier / doveadm backup',
              `${(floor.wallMs / doveadm.wallMs).toFixed(2)}× (${seconds(floor.wallMs)})`,
              '',
              '(yardstick)',
            ] as [string, string, string, string],
          ]
        : []),
      [
        'second run (runJob)',
        seconds(run2.jobMs),
        `< ${TARGETS.secondRunS} s`,
        run2.jobMs < TARGETS.secondRunS * 1000 ? 'met' : 'MISSED',
      ],
      [
        'second run (whole process)',
        seconds(run2.wallMs),
        '',
        run2.wallMs < TARGETS.secondRunS * 1000 ? '(also under)' : '(over)',
      ],
      [
        '+100 new, 100 flags (runJob)',
        seconds(run3.jobMs),
        `< ${TARGETS.changedRunS} s`,
        run3.jobMs < TARGETS.changedRunS * 1000 ? 'met' : 'MISSED',
      ],
      [
        '+100 new, 100 flags (whole process)',
        seconds(run3.wallMs),
        '',
        run3.wallMs < TARGETS.changedRunS * 1000 ? '(also under)' : '(over)',
      ],
      [
        'verification checks',
        `${checks.filter((c) => c.pass).length}/${checks.length} pass`,
        'all pass',
        checks.every((c) => c.pass) ? 'met' : 'FAILED',
      ],
    ];
    say('\n== Figures');
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
    const line = (r: readonly string[]) =>
      `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
    say(line(['figure', 'value', 'target', 'result']));
    say(line(widths.map((w) => '-'.repeat(w))));
    for (const r of rows) say(line(r));
    say(
      `\n  benchmark total ${seconds(performance.now() - benchStart)}, load average ${load()} at the end` +
        (CPU_PROF_DIR ? `; run 1 CPU profile in ${CPU_PROF_DIR}` : ''),
    );
    say(
      `BENCH_JSON ${JSON.stringify({
        messages: corpus.length,
        corpusBytes,
        run1: {
          wallMs: run1.wallMs,
          jobMs: run1.jobMs,
          maxRssKB: run1.maxRssKB,
          userCpuMs: run1.userCpuMs,
          systemCpuMs: run1.systemCpuMs,
        },
        run2: { wallMs: run2.wallMs, jobMs: run2.jobMs },
        run3: { wallMs: run3.wallMs, jobMs: run3.jobMs, copied: run3Totals.copied },
        doveadmMs: doveadm.wallMs,
        ratio,
        cpuSeconds: { run1: run1Cpu, doveadm: doveadmCpu, ...(floor ? { floor: floor.cpu } : {}) },
        ...(floor ? { floorMs: floor.wallMs } : {}),
        loadAverageAtEnd: loadavg()[0],
        failedChecks: checks.filter((c) => !c.pass).map((c) => `${c.section}: ${c.name}`),
      })}`,
    );
    const failed = checks.filter((c) => !c.pass);
    if (failed.length > 0) {
      say(`\nFAIL: ${failed.map((c) => `${c.section}: ${c.name}`).join('; ')}`);
      return 1;
    }
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const stopAll = () => Promise.allSettled(servers.map((server) => server.stop()));
process.once('SIGINT', () => {
  void stopAll().then(() => process.exit(130));
});
let code: number;
try {
  code = await main();
} catch (error) {
  process.stderr.write(`Benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  code = 1;
} finally {
  await stopAll();
}
process.exit(code);
