// One link profile of the benchmark: a source seeded with the corpus, our engine's three runs
// (first copy, nothing new, a delta) and `doveadm backup` across the same link, each into a
// fresh Dovecot, every message verified; the figures and checks come back to the caller.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot } from '../test/harness/dovecot.ts';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { ACCOUNTS, messagesPerAccount, passwordOf } from './corpus.ts';
import type { CorpusShape } from './corpus.ts';
import { changeSource } from './change-source.ts';
import { describeRun, migrate, totals } from './child-migration.ts';
import type { ChildResult } from './child-migration.ts';
import { cpuLine, withCpu } from './cpu.ts';
import type { CpuSplit } from './cpu.ts';
import { backupCommand, doveadmBackup } from './doveadm-backup.ts';
import { floorCopy } from './imap-floor.ts';
import { load, mb, say, seconds } from './say.ts';
import { indexAndCount, seedAccount } from './seed-maildir.ts';
import { compare, readAccount } from './verify.ts';
import type { Check, MailboxContents } from './verify.ts';
import { describeProfile, startWanLink } from './wan-link.ts';
import type { LinkProfile, WanLink } from './wan-link.ts';

export interface ProfileOptions {
  profile: LinkProfile;
  shape: CorpusShape;
  floor: boolean;
  doveadmFirst: boolean;
  cpuProfileDir: string | null;
  /** Every Dovecot started, so an interrupted benchmark can stop them. */
  servers: DovecotServer[];
}

export interface ProfileOutcome {
  profile: LinkProfile;
  shape: CorpusShape;
  messages: number;
  corpusBytes: number;
  /** Bytes ÷ bandwidth: no client can copy the corpus across this link faster. */
  linkFloorMs: number | null;
  /** What crossed the link during our first copy (protocol and TLS included). */
  carried: { up: number; down: number } | null;
  run1: ChildResult;
  run2: ChildResult;
  run3: ChildResult;
  run3Expected: number;
  doveadmMs: number;
  floorMs: number | null;
  cpu: { run1: CpuSplit; doveadm: CpuSplit; floor?: CpuSplit };
  checks: Array<Check & { section: string }>;
}

const isLoopback = (profile: LinkProfile) => profile.delayMs === 0 && profile.bitsPerSecond === Infinity;

/** The server as a client across the link sees it: its IMAPS port is a proxy's. */
async function across(link: WanLink | null, server: DovecotServer): Promise<DovecotServer> {
  if (!link) return server;
  const imaps = await link.proxy({ host: server.host, port: server.ports.imaps });
  return { ...server, ports: { ...server.ports, imaps } };
}

export async function runProfile(options: ProfileOptions): Promise<ProfileOutcome> {
  const { profile, shape } = options;
  const checks: ProfileOutcome['checks'] = [];
  const record = (section: string, list: Check[]) => {
    for (const check of list) {
      checks.push({ ...check, section: `${profile.name}: ${section}` });
      say(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
    }
  };
  const users = ACCOUNTS.map((username) => ({ username, password: passwordOf(username) }));
  const logins = ACCOUNTS.map((user) => ({ user, password: passwordOf(user) }));
  const started = await Promise.all(
    Array.from({ length: options.floor ? 4 : 3 }, () => startDovecot({ users, layout: 'fs' })),
  );
  options.servers.push(...started);
  const [source, ours, theirs, floorDestination] = started as [
    DovecotServer,
    DovecotServer,
    DovecotServer,
    DovecotServer | undefined,
  ];
  const link = isLoopback(profile) ? null : startWanLink(profile);
  const work = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  const readAll = async (server: DovecotServer) =>
    new Map<string, MailboxContents>(
      await Promise.all(
        ACCOUNTS.map(async (user) => [user, await readAccount(server, user, passwordOf(user))] as const),
      ),
    );
  try {
    say(`\n==== Profile "${profile.name}": ${describeProfile(profile)}; corpus "${shape.name}"`);
    // ---- seeding (not part of the figures)
    let t = performance.now();
    const seeded = await Promise.all(ACCOUNTS.map((account) => seedAccount(source, account, shape)));
    const counts = await Promise.all(ACCOUNTS.map((account) => indexAndCount(source, account)));
    const corpus = seeded.flatMap((s) => s.expected);
    const corpusBytes = corpus.reduce((sum, e) => sum + e.size, 0);
    const sizes = corpus.map((e) => e.size).sort((a, b) => a - b);
    say(
      `  ${corpus.length} messages (${ACCOUNTS.length} × ${messagesPerAccount(shape)}), ${mb(corpusBytes).toFixed(1)} MB; ` +
        `median ${(sizes[sizes.length >> 1]! / 1024).toFixed(1)} KiB, largest ${(sizes.at(-1)! / 1048576).toFixed(1)} MiB; ` +
        `${corpus.filter((e) => !e.hasMessageId).length} without Message-ID, ${corpus.filter((e) => e.duplicateOf).length} exact duplicates; ` +
        `seeded in ${seconds(performance.now() - t)}`,
    );
    const countProblems: string[] = [];
    counts.forEach((map, i) => {
      for (const [folder, n] of shape.folders)
        if (map.get(folder) !== n)
          countProblems.push(`${ACCOUNTS[i]}/${folder}: ${map.get(folder)} instead of ${n}`);
    });
    record('seeding', [
      {
        name: 'source holds the corpus (doveadm counts)',
        pass: countProblems.length === 0,
        detail: countProblems.length === 0 ? `${corpus.length} messages` : countProblems.join('; '),
      },
      ...compare(corpus, await readAll(source)).map((c) => ({ ...c, name: `source: ${c.name}` })),
    ]);

    const sourceAcross = await across(link, source);
    const context = {
      db: join(work, 'cutover.db'),
      keyHex: randomBytes(32).toString('hex'),
      source: sourceAcross,
      destination: await across(link, ours),
      users: logins,
    };
    const linkFloorMs = link ? (corpusBytes * 8 * 1000) / profile.bitsPerSecond : null;
    if (linkFloorMs !== null) say(`  the link's own floor for the corpus: ${seconds(linkFloorMs)}`);

    let doveadmCpu: CpuSplit | null = null;
    const runDoveadm = async () => {
      say(`  doveadm backup -R over imapc${link ? ' across the link' : ''} (4 users at once)`);
      say(`    ${backupCommand(sourceAcross, ACCOUNTS[0])}`);
      const { value, cpu } = await withCpu({ source, destination: theirs }, () =>
        doveadmBackup(sourceAcross, theirs, logins),
      );
      say(
        `    wall ${seconds(value.wallMs)} (per user ${value.perUserMs.map((ms) => seconds(ms)).join(', ')}); ${cpuLine(cpu, 'doveadm')}`,
      );
      doveadmCpu = cpu;
      return value;
    };

    const doveadmEarly = options.doveadmFirst ? await runDoveadm() : null;
    say('  run 1: first copy with our engine into a fresh Dovecot (child process, 4 accounts at a time)');
    const before = link?.carried();
    link?.busyTimeline();
    const { value: run1, cpu: run1Cpu } = await withCpu({ source, destination: ours }, () =>
      migrate(context, 'bench-1', { cpuProfileDir: options.cpuProfileDir }),
    );
    const after = link?.carried();
    // Experiments: how busy the link was, half a second at a time, while run 1 copied.
    if (link && process.env['BENCH_LINK_TRACE'] === '1') {
      const busy = link.busyTimeline();
      say(`    link busy % per 0.5 s, down: ${busy.down.join(' ')}`);
      say(`    link busy % per 0.5 s, up:   ${busy.up.join(' ')}`);
    }
    const carried = before && after ? { up: after.up - before.up, down: after.down - before.down } : null;
    describeRun('run 1', run1);
    say(
      `    ${cpuLine(run1Cpu, 'our process')}` +
        (carried
          ? `; across the link ${mb(carried.down).toFixed(1)} MB down, ${mb(carried.up).toFixed(1)} MB up`
          : ''),
    );
    say('  run 2: at once again (new job, same users: nothing to copy)');
    const run2 = await migrate(context, 'bench-2');
    describeRun('run 2', run2);
    const doveadm = doveadmEarly ?? (await runDoveadm());

    let floor: { wallMs: number; cpu: CpuSplit } | null = null;
    if (floorDestination) {
      say('  floor: a minimal raw IMAP copier (MULTIAPPEND, LITERAL+, no dedupe or ledger)');
      const { value, cpu } = await withCpu(
        { source, destination: floorDestination },
        async () =>
          floorCopy(
            sourceAcross,
            await across(link, floorDestination),
            logins,
            shape.folders.map(([folder]) => folder),
          ),
        true,
      );
      say(`    wall ${seconds(value.wallMs)}, ${value.messages} messages; ${cpuLine(cpu, 'floor client')}`);
      floor = { wallMs: value.wallMs, cpu };
    }

    t = performance.now();
    const run1Totals = totals(run1);
    const run2Totals = totals(run2);
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

    const changes = await changeSource(source, seeded);
    say(
      `  run 3: after ${changes.added} new source messages and ${changes.changed.length} flag changes (over IMAP)`,
    );
    const run3 = await migrate(context, 'bench-3');
    describeRun('run 3', run3);
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
        name: `exactly the ${changes.added} new messages copied`,
        pass: run3.status === 'done' && run3Totals.copied === changes.added && run3Totals.failed === 0,
        detail: `${run3Totals.copied} copied (expected ${changes.added}), ${run3Totals.failed} failed`,
      },
      {
        name: `the ${changes.changed.length} flag changes arrived`,
        pass: flagsArrived === changes.changed.length,
        detail: `${flagsArrived}/${changes.changed.length} on the destination (engine reports ${run3.flagChanges})`,
      },
      ...compare(changes.expected, final).map((c) => ({ ...c, name: `after run 3: ${c.name}` })),
    ]);
    const reference = compare(corpus, await readAll(theirs)).filter((c) => !c.pass);
    say(
      reference.length === 0
        ? '  doveadm backup result: the same corpus, every check (for reference)'
        : `  doveadm backup result differs (for reference): ${reference.map((c) => c.name).join('; ')}`,
    );
    say(`  load average ${load()}`);
    return {
      profile,
      shape,
      messages: corpus.length,
      corpusBytes,
      linkFloorMs,
      carried,
      run1,
      run2,
      run3,
      run3Expected: changes.added,
      doveadmMs: doveadm.wallMs,
      floorMs: floor?.wallMs ?? null,
      cpu: { run1: run1Cpu, doveadm: doveadmCpu!, ...(floor ? { floor: floor.cpu } : {}) },
      checks,
    };
  } finally {
    await link?.stop();
    await Promise.allSettled(started.map((server) => server.stop()));
    await rm(work, { recursive: true, force: true });
  }
}
