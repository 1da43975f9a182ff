// `npm run bench`: the migration benchmark (issues 3 and 11). For each link profile — plain
// loopback, then WANs made on loopback by the bench's own delay-and-bandwidth proxies — it seeds
// a deterministic corpus on a local Dovecot, copies it with our engine (first copy, again with
// nothing new, a delta of new mail and flag changes) and with `doveadm backup` across the same
// link, verifies every message byte for byte with flags and INTERNALDATE, and prints the figures
// and targets per profile (see bench/README.md).
//
//   npm run bench [-- --profiles loopback,typical] [-- --corpus wan] [-- --floor]
//                 [-- --doveadm-first] [-- --cpu-prof DIR] [-- --no-scale]
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { runProfile } from './bench-profile.ts';
import { warmUpChild } from './child-migration.ts';
import type { ProfileOutcome } from './bench-profile.ts';
import { FULL_CORPUS, WAN_CORPUS } from './corpus.ts';
import { cpuTotal } from './cpu.ts';
import { load, mb, say, seconds, table } from './say.ts';
import { PROFILES, describeProfile } from './wan-link.ts';
import { runScale } from './scale-bench.ts';
import type { ScaleOutcome } from './scale-bench.ts';

const USAGE =
  'Options: --profiles NAME,… (loopback, office, typical, far), --corpus full|wan, --floor, --doveadm-first, --cpu-prof DIR, --no-scale';
const argv = process.argv.slice(2);
const valueOf = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const known = ['--profiles', '--corpus', '--floor', '--doveadm-first', '--cpu-prof', '--no-scale'];
for (const [i, arg] of argv.entries()) {
  const isValue = i > 0 && ['--profiles', '--corpus', '--cpu-prof'].includes(argv[i - 1]!);
  if (!isValue && !known.includes(arg)) {
    process.stderr.write(`Unknown option ${arg}. ${USAGE}\n`);
    process.exit(2);
  }
}
const names = valueOf('--profiles')?.split(',') ?? PROFILES.map((p) => p.name);
const profiles = names.map((name) => {
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) {
    process.stderr.write(`No link profile "${name}". ${USAGE}\n`);
    process.exit(2);
  }
  return profile;
});
const corpusOption = valueOf('--corpus');
if (corpusOption !== undefined && corpusOption !== 'full' && corpusOption !== 'wan') {
  process.stderr.write(`--corpus is full or wan, not "${corpusOption}".\n`);
  process.exit(2);
}
const CPU_PROF_DIR = argv.includes('--cpu-prof')
  ? (valueOf('--cpu-prof') ?? join(tmpdir(), 'cutover-bench-prof'))
  : null;

/** Issue 11's targets; a miss prints MISSED and does not fail the run. */
const TARGETS = {
  loopbackRatio: 1.3,
  wanRatio: 1.1,
  /** On the typical profile, the first copy within 15 % of the link's own floor. */
  typicalOfLink: 1.15,
  rerunS: 1,
  deltaS: 2,
  rssMB: 200,
  /** A 64-account job's peak RSS within 10 % of a 4-account one's. */
  scaleRatio: 0.1,
};

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The figures of one profile, with their targets. */
function figures(o: ProfileOutcome): string[][] {
  const loopback = o.linkFloorMs === null;
  const ratio = o.run1.wallMs / o.doveadmMs;
  const ratioTarget = loopback ? TARGETS.loopbackRatio : TARGETS.wanRatio;
  const rssMB = (o.run1.maxRssKB * 1024) / 1e6;
  const rows: string[][] = [
    [
      'first copy (child process)',
      `${seconds(o.run1.wallMs)} (runJob ${seconds(o.run1.jobMs)}), ${(mb(o.corpusBytes) / (o.run1.wallMs / 1000)).toFixed(1)} MB/s`,
      '',
      '',
    ],
    ['doveadm backup -R (4 at once)', seconds(o.doveadmMs), '', ''],
    ['first copy ÷ doveadm', `${ratio.toFixed(2)}×`, `≤ ${ratioTarget}×`, verdict(ratio <= ratioTarget)],
    [
      'same, in CPU seconds (all parties)',
      `${cpuTotal(o.cpu.run1).toFixed(1)} / ${cpuTotal(o.cpu.doveadm).toFixed(1)} = ${(cpuTotal(o.cpu.run1) / cpuTotal(o.cpu.doveadm)).toFixed(2)}×`,
      '',
      '',
    ],
  ];
  if (o.linkFloorMs !== null) {
    const ofLink = o.run1.wallMs / o.linkFloorMs;
    rows.push([
      "first copy ÷ the link's floor",
      `${ofLink.toFixed(2)}× (floor ${seconds(o.linkFloorMs)}; doveadm ${(o.doveadmMs / o.linkFloorMs).toFixed(2)}×)`,
      o.profile.name === 'typical' ? `≤ ${TARGETS.typicalOfLink}×` : '',
      o.profile.name === 'typical' ? verdict(ofLink <= TARGETS.typicalOfLink) : '',
    ]);
  }
  if (o.floorMs !== null)
    rows.push([
      'floor IMAP copier ÷ doveadm',
      `${(o.floorMs / o.doveadmMs).toFixed(2)}× (${seconds(o.floorMs)})`,
      '',
      '',
    ]);
  const rerunTarget = o.profile.name === 'typical';
  rows.push(
    [
      'peak RSS of the first copy',
      `${rssMB.toFixed(0)} MB`,
      `≤ ${TARGETS.rssMB} MB`,
      verdict(rssMB <= TARGETS.rssMB),
    ],
    [
      're-run, nothing new (runJob / process)',
      `${seconds(o.run2.jobMs)} / ${seconds(o.run2.wallMs)}`,
      rerunTarget ? `≤ ${TARGETS.rerunS} s` : '',
      rerunTarget ? verdict(o.run2.jobMs <= TARGETS.rerunS * 1000) : '',
    ],
    [
      `delta, +${o.run3Expected} new and flags (runJob / process)`,
      `${seconds(o.run3.jobMs)} / ${seconds(o.run3.wallMs)}`,
      rerunTarget ? `≤ ${TARGETS.deltaS} s` : '',
      rerunTarget ? verdict(o.run3.jobMs <= TARGETS.deltaS * 1000) : '',
    ],
    [
      'verification checks',
      `${o.checks.filter((c) => c.pass).length}/${o.checks.length} pass`,
      'all pass',
      o.checks.every((c) => c.pass) ? 'met' : 'FAILED',
    ],
  );
  return rows;
}

async function main(servers: DovecotServer[]): Promise<number> {
  const benchStart = performance.now();
  say(`Cutover migration benchmark — profiles ${profiles.map((p) => p.name).join(', ')}`);
  say(`Node ${process.version}, ${cpus().length} CPUs, load average ${load()} at start`);
  if (loadavg()[0]! > cpus().length * 0.5)
    say('  NOTE: the machine is busy with other work; timings will be slower and noisier.');
  const coldLoadMs = await warmUpChild();
  say(
    `  the migration's modules loaded once (compile cache filled, as by any earlier cutover command): ${seconds(coldLoadMs)}`,
  );
  const outcomes: ProfileOutcome[] = [];
  for (const profile of profiles) {
    const shape =
      corpusOption === 'full'
        ? FULL_CORPUS
        : corpusOption === 'wan'
          ? WAN_CORPUS
          : profile.delayMs === 0
            ? FULL_CORPUS
            : WAN_CORPUS;
    outcomes.push(
      await runProfile({
        profile,
        shape,
        floor: argv.includes('--floor'),
        doveadmFirst: argv.includes('--doveadm-first'),
        // One profile is enough: the first.
        cpuProfileDir: outcomes.length === 0 ? CPU_PROF_DIR : null,
        servers,
      }),
    );
  }

  const scale: ScaleOutcome | null = argv.includes('--no-scale') ? null : await runScale(servers);

  say('\n== Figures');
  for (const o of outcomes) {
    say(
      `\n  ${o.profile.name} (${describeProfile(o.profile)}; corpus "${o.shape.name}", ${o.messages} messages, ${mb(o.corpusBytes).toFixed(0)} MB)`,
    );
    table(['figure', 'value', 'target', 'result'], figures(o));
  }
  say('\n== Summary');
  table(
    ['profile', 'first copy', 'doveadm', 'ratio', 'of link', 're-run', 'delta', 'peak RSS'],
    outcomes.map((o) => [
      o.profile.name,
      seconds(o.run1.wallMs),
      seconds(o.doveadmMs),
      `${(o.run1.wallMs / o.doveadmMs).toFixed(2)}×`,
      o.linkFloorMs === null ? '' : `${(o.run1.wallMs / o.linkFloorMs).toFixed(2)}×`,
      seconds(o.run2.jobMs),
      seconds(o.run3.jobMs),
      `${((o.run1.maxRssKB * 1024) / 1e6).toFixed(0)} MB`,
    ]),
  );
  if (scale) {
    say('\n== Scale (loopback, the same corpus an account)');
    table(
      ['job', 'peak RSS', 'time', 'target', 'result'],
      [
        [
          `${scale.few.accounts} accounts`,
          `${scale.few.peakMB.toFixed(0)} MB`,
          seconds(scale.few.seconds * 1000),
          '',
          '',
        ],
        [
          `${scale.many.accounts} accounts`,
          `${scale.many.peakMB.toFixed(0)} MB`,
          seconds(scale.many.seconds * 1000),
          '',
          '',
        ],
        [
          'ratio',
          `${scale.ratio.toFixed(2)}×`,
          '',
          `1 ± ${TARGETS.scaleRatio}`,
          scale.pass ? 'met' : 'MISSED',
        ],
      ],
    );
  }
  const checks = outcomes.flatMap((o) => o.checks);
  say(`\n  benchmark total ${seconds(performance.now() - benchStart)}, load average ${load()} at the end`);
  say(
    `BENCH_JSON ${JSON.stringify({
      profiles: outcomes.map((o) => ({
        name: o.profile.name,
        delayMs: o.profile.delayMs,
        bitsPerSecond: Number.isFinite(o.profile.bitsPerSecond) ? o.profile.bitsPerSecond : null,
        corpus: o.shape.name,
        messages: o.messages,
        corpusBytes: o.corpusBytes,
        linkFloorMs: o.linkFloorMs,
        carried: o.carried,
        run1: { wallMs: o.run1.wallMs, jobMs: o.run1.jobMs, maxRssKB: o.run1.maxRssKB },
        run2: { wallMs: o.run2.wallMs, jobMs: o.run2.jobMs },
        run3: { wallMs: o.run3.wallMs, jobMs: o.run3.jobMs },
        doveadmMs: o.doveadmMs,
        floorMs: o.floorMs,
        ratio: o.run1.wallMs / o.doveadmMs,
        cpuSeconds: o.cpu,
      })),
      scale,
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
}

const servers: DovecotServer[] = [];
const stopAll = () => Promise.allSettled(servers.map((server) => server.stop()));
process.once('SIGINT', () => {
  void stopAll().then(() => process.exit(130));
});
let code: number;
try {
  code = await main(servers);
} catch (error) {
  process.stderr.write(`Benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  code = 1;
} finally {
  await stopAll();
}
process.exit(code);
