// What an end-to-end test needs to drive Cutover in Chromium: `cutover serve` on a database of
// its own, and a headless Chromium page that records console errors and CSP violations.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../support/chromium.ts';
import type { BrowserContext, Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Where the tests save what they see: an ignored folder, so `npm test` never rewrites tracked
 * files. `npm run screenshots` points this at test/screenshots/ to refresh the committed ones.
 */
export const screenshots = process.env.CUTOVER_SCREENSHOTS
  ? resolve(repoRoot, process.env.CUTOVER_SCREENSHOTS)
  : join(repoRoot, 'test', '.tmp', 'screenshots');

export interface WebHostSession {
  url: string;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  cspViolations: string[];
  close(): Promise<void>;
}

export interface WebHostOptions {
  /** More `cutover serve` arguments, e.g. `['--authority', '127.0.0.1:5300']`. */
  serveArgs?: string[];
}

/** Starts `cutover serve --port 0 --db <dir>/cutover.db` and opens the printed address's browser. */
export async function openWebHostSession(dir: string, options: WebHostOptions = {}): Promise<WebHostSession> {
  const server = spawn(
    process.execPath,
    [
      join(repoRoot, 'bin', 'cutover.js'),
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 'cutover.db'),
      ...(options.serveArgs ?? []),
    ],
    { cwd: repoRoot, env: { ...process.env, CUTOVER_SECRET_KEY: undefined } },
  );
  const url = await printedUrl(server);
  const context = await launchChromium(join(dir, 'profile'), {
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(() => {
    // Runs in the page; the Node-side tsconfig has no DOM types, hence the narrow shape.
    const page = globalThis as unknown as {
      reportCspViolation(text: string): void;
      addEventListener(
        type: 'securitypolicyviolation',
        listener: (event: { violatedDirective: string; blockedURI: string }) => void,
      ): void;
    };
    page.addEventListener('securitypolicyviolation', (event) => {
      page.reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });

  return {
    url,
    context,
    page,
    consoleErrors,
    cspViolations,
    async close() {
      await context.close();
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Waits for the line `cutover serve` prints with the address and key. */
function printedUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`No URL from cutover serve:\n${output}`)), 60_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (output += chunk));
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cutover serve exited with ${code}:\n${output}`));
    });
  });
}
