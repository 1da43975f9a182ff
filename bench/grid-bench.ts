// `npm run bench:grid`: is the migration screen smooth with 500 accounts? A real job of 500
// accounts between two local Dovecot servers, started and watched in Chromium through
// `cutover serve`, while the page records its frames and long tasks. Prints the figures; it is
// a benchmark, not a test (figures depend on the machine), but it exits 1 if the job does not
// end with every account done or if the grid rendered every tile (no virtualisation).
import { chown, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../vite.renderer.config.ts';
import { startDovecot } from '../test/harness/dovecot.ts';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { openWebHostSession } from '../test/e2e/web-host-session.ts';
import { rawMessage } from '../test/support/mail-fixtures.ts';

const ACCOUNTS = Number(process.env.GRID_ACCOUNTS ?? 500);
const MESSAGES_EACH = Number(process.env.GRID_MESSAGES ?? 6);

interface PageFigures {
  frames: number;
  frameGapsMs: number[];
  longTasksMs: number[];
  maxTilesInDom: number;
  heapBytes: number | null;
}

const users = Array.from({ length: ACCOUNTS }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { username: `user${n}`, password: `pw-${n}` };
});

async function seed(server: DovecotServer): Promise<void> {
  const { uid, gid } = server.mailOwner;
  let sequence = 0;
  for (const user of users) {
    const cur = join(server.maildir(user.username), 'cur');
    for (let i = 0; i < MESSAGES_EACH; i++) {
      const file = join(cur, `${1_700_000_000 + sequence}.M${sequence}P1.bench:2,S`);
      sequence++;
      await writeFile(file, rawMessage({ subject: `${user.username} ${i}`, body: 'x'.repeat(1500) }));
      await chown(file, uid, gid);
      await utimes(file, new Date('2025-01-01'), new Date('2025-01-01'));
    }
  }
}

// Runs in the page (as text: this file is type-checked without the DOM's types). Counts frames,
// the gaps between them, long tasks (>50 ms on the main thread) and the tiles in the document.
const RECORDER = `(() => {
  const state = { frames: 0, gaps: [], long: [], maxTiles: 0, stop: false };
  globalThis.gridBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.long.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  const tick = (now) => {
    state.frames++;
    state.gaps.push(now - last);
    last = now;
    state.maxTiles = Math.max(state.maxTiles, document.querySelectorAll('.account-tile').length);
    if (!state.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const SCROLL_GRID = `(async () => {
  const element = document.querySelector('.vgrid-viewport');
  for (let top = 0; top <= element.scrollHeight; top += element.clientHeight / 2) {
    element.scrollTop = top;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
})()`;

const COLLECT = `(() => {
  const state = globalThis.gridBench;
  state.stop = true;
  return {
    frames: state.frames,
    frameGapsMs: state.gaps,
    longTasksMs: state.long,
    maxTilesInDom: state.maxTiles,
    heapBytes: performance.memory ? performance.memory.usedJSHeapSize : null,
  };
})()`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-grid-bench-'));
  let source: DovecotServer | undefined;
  let destination: DovecotServer | undefined;
  let session: Awaited<ReturnType<typeof openWebHostSession>> | undefined;
  try {
    console.log(
      `Grid benchmark: ${ACCOUNTS} accounts × ${MESSAGES_EACH} messages; load ${loadavg()[0]!.toFixed(2)}`,
    );
    await build({ ...rendererConfig, configFile: false, logLevel: 'warn' });
    [source, destination] = await Promise.all([startDovecot({ users }), startDovecot({ users })]);
    await seed(source);

    session = await openWebHostSession(dir);
    const { page } = session;
    await page.goto(session.url);
    const newProject = page.getByRole('form', { name: 'New project' });
    await newProject.getByLabel('Project name').fill('Grid benchmark');
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('banner').getByText('Grid benchmark').waitFor();
    await page
      .getByRole('navigation', { name: 'Migration phases' })
      .getByRole('button', { name: /^Migrate mail/ })
      .click();
    await page.getByRole('button', { name: 'Paste a list of users instead' }).click();
    const form = page.getByRole('form', { name: 'Start a job from a list of users' });
    for (const [group, server] of [
      ['Old server', source],
      ['New server', destination],
    ] as const) {
      const fields = form.getByRole('group', { name: group });
      await fields.getByLabel('Server name').fill(server.host);
      await fields
        .getByLabel(group === 'Old server' ? 'IMAPS port' : 'Port')
        .fill(String(server.ports.imaps));
      await fields.getByText('Advanced').click();
      await fields
        .getByLabel('Trust this certificate (SHA-256 fingerprint)')
        .fill(server.certificate.fingerprint256);
    }
    await form
      .getByLabel('Accounts to copy')
      .fill(users.map((u) => `${u.username},${u.password}`).join('\n'));

    // From here on the page records every frame and long task until told to stop.
    await page.evaluate(RECORDER);

    const started = Date.now();
    await form.getByRole('button', { name: 'Start copying' }).click();
    const totals = page.locator('.job-totals-sentence');
    await totals
      .filter({ hasText: new RegExp(`^(Done|Partly done|Failed): ${ACCOUNTS} of ${ACCOUNTS} accounts`) })
      .waitFor({ timeout: 20 * 60_000 });
    const jobSeconds = (Date.now() - started) / 1000;
    const sentence = (await totals.textContent()) ?? '';

    // Scroll the whole grid once, as someone looking for a red tile would.
    const scrollStart = Date.now();
    await page.evaluate(SCROLL_GRID);
    const scrollSeconds = (Date.now() - scrollStart) / 1000;

    const figures = await page.evaluate<PageFigures>(COLLECT);

    const gaps = figures.frameGapsMs.slice(1);
    const result = {
      accounts: ACCOUNTS,
      messagesEach: MESSAGES_EACH,
      jobSeconds,
      framesPerSecond: figures.frames / jobSeconds,
      frameGapP50Ms: percentile(gaps, 50),
      frameGapP95Ms: percentile(gaps, 95),
      frameGapMaxMs: Math.max(0, ...gaps),
      longTasks: figures.longTasksMs.length,
      longTaskMaxMs: Math.max(0, ...figures.longTasksMs),
      longTaskTotalMs: figures.longTasksMs.reduce((a, b) => a + b, 0),
      maxTilesInDom: figures.maxTilesInDom,
      scrollWholeGridSeconds: scrollSeconds,
      heapMB: figures.heapBytes === null ? null : figures.heapBytes / 1e6,
      loadAverage: loadavg()[0],
    };
    const allDone = sentence.startsWith('Done:') && sentence.includes(`${ACCOUNTS} done`);
    // A few dozen tiles may all be on screen at once; hundreds must not all be in the page.
    const virtualised = ACCOUNTS <= 100 || figures.maxTilesInDom < ACCOUNTS;
    console.log(`Job: ${sentence}`);
    console.log(`  ${ACCOUNTS} accounts finished in ${jobSeconds.toFixed(1)} s`);
    console.log(
      `  frames: ${result.framesPerSecond.toFixed(1)}/s; gap between frames p50 ${result.frameGapP50Ms.toFixed(1)} ms, p95 ${result.frameGapP95Ms.toFixed(1)} ms, max ${result.frameGapMaxMs.toFixed(0)} ms`,
    );
    console.log(
      `  long tasks (>50 ms): ${result.longTasks}, longest ${result.longTaskMaxMs.toFixed(0)} ms, ${result.longTaskTotalMs.toFixed(0)} ms in all`,
    );
    console.log(
      `  tiles in the page at most: ${result.maxTilesInDom} of ${ACCOUNTS} (${figures.maxTilesInDom < ACCOUNTS ? 'virtualised' : 'all of them'})`,
    );
    console.log(
      `  scrolling the whole grid: ${scrollSeconds.toFixed(2)} s; JS heap ${result.heapMB?.toFixed(1) ?? '?'} MB`,
    );
    console.log(
      `  load average at the end: ${result.loadAverage!.toFixed(2)} (2 cores; Dovecot ×2, cutover serve and Chromium share them)`,
    );
    console.log(`BENCH_JSON ${JSON.stringify(result)}`);
    if (!allDone || !virtualised) process.exitCode = 1;
  } finally {
    await session?.close();
    await Promise.allSettled([source?.stop(), destination?.stop()]);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
