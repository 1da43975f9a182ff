import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDnsServer } from '../harness/dns-server.ts';
import type { TestDnsServer, TestZone } from '../harness/dns-server.ts';
import { cutoverMonday, longDay } from './future-day.ts';
import { openWebHostSession, screenshots } from './web-host-session.ts';
import type { WebHostSession } from './web-host-session.ts';

/** A Monday about a year ahead: no due date of the tests ever passes. */
const CUTOVER = cutoverMonday();

// The wizard's DNS tasks in Chromium against real Knot DNS servers on 127.0.0.1: `cutover serve`
// asks `provider` as the domain's authoritative server and compares two resolvers, `provider`
// itself and `lagging` (a resolver that still has the old answer). Along the way: the new
// server's optional admin login, and copying a filled-in user notice to the clipboard.
const DOMAIN = 'harbour.test';
const OLD_MX = 'mx.oldhost.test';
const NEW_MX = 'mx.newhost.test';
const OLD_TTL = 3600;
const NEW_TTL = 300;
const zone = (mx: string, ttl: number): TestZone => ({
  origin: DOMAIN,
  records: ['@ 86400 IN NS ns1.harbour.test.', 'ns1 86400 IN A 127.0.0.1', `@ ${ttl} IN MX 10 ${mx}.`],
});

let dir: string;
let provider: TestDnsServer;
let lagging: TestDnsServer;
let session: WebHostSession;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cutover-e2e-dns-'));
  mkdirSync(screenshots, { recursive: true });
  [provider, lagging] = await Promise.all([
    startDnsServer({ zones: [zone(OLD_MX, OLD_TTL)] }),
    startDnsServer({ zones: [zone(OLD_MX, OLD_TTL)] }),
  ]);
  session = await openWebHostSession(dir, {
    serveArgs: [
      '--authority',
      provider.address,
      '--resolver',
      provider.address,
      '--resolver',
      lagging.address,
    ],
  });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await Promise.allSettled([provider?.stop(), lagging?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const nav = () => page.getByRole('navigation', { name: 'Migration phases' });
const open = async (name: string) => {
  await nav()
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
};
const task = (title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: title }) });
/** One part of the page, so the picture stays readable. */
const shotOf = async (part: Locator, name: string) => {
  await page.mouse.move(0, 0);
  await part.screenshot({ path: join(screenshots, name) });
};
const newServer = () => page.getByRole('form', { name: 'New server' });
const overflow = () =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('setup: the new server’s admin login', () => {
  it('creates the project with its domain, old server and accounts', async () => {
    await page.goto(session.url);
    const form = page.getByRole('form', { name: 'New project' });
    await form.getByLabel('Project name').fill('Harbour Dental');
    await form.getByLabel('Customer').fill('Harbour Dental Ltd');
    await form.getByLabel('Cutover date').fill(CUTOVER);
    await form.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('banner').getByText('Harbour Dental', { exact: true }).waitFor();

    await open('Servers and accounts');
    const details = page.getByRole('form', { name: 'Customer, domains and cutover date' });
    await details.getByLabel('Mail domains').fill(DOMAIN);
    await details.getByRole('button', { name: 'Save project details' }).click();
    await details.getByText('✓ Saved').waitFor();
    const old = page.getByRole('form', { name: 'Old server' });
    await old.getByLabel('Server name').fill(OLD_MX);
    await old.getByRole('button', { name: 'Save' }).click();
    await old.getByText('✓ Saved').waitFor();
    await page.getByLabel('Paste the accounts').fill(`ann.smith@${DOMAIN},ann-pass\nbob@${DOMAIN},bob-pass`);
    await page.getByRole('button', { name: 'Import accounts' }).click();
    await page.getByText('Imported: 2 added, 0 updated.').waitFor();
  });

  it('asks for the admin password with the admin user, and never shows it once saved', async () => {
    const server = newServer();
    expect(await server.getByRole('group', { name: 'Admin login (optional)' }).textContent()).toContain(
      'you do not need everyone’s new password',
    );
    await server.getByLabel('Server name').fill(NEW_MX);
    await server.getByLabel('Admin user name').fill('cutover-master');
    await server.getByRole('button', { name: 'Save', exact: true }).click();
    const passwordField = server.getByLabel('Admin password');
    await expect.poll(() => passwordField.getAttribute('aria-invalid')).toBe('true');
    expect(await server.locator('#server-destination-admin-password-error').textContent()).toContain(
      'Give the admin password with the admin user.',
    );

    await passwordField.fill('Master-Secret-42');
    await server.getByRole('button', { name: 'Save', exact: true }).click();
    await server.getByText('✓ Saved').waitFor();
    expect(await passwordField.inputValue()).toBe('');
    expect(await passwordField.getAttribute('type')).toBe('password');
    expect(await server.locator('.admin-password-state').textContent()).toContain('A password is saved');

    // Loaded again from main, the page knows only that a password is stored.
    await open('Prepare');
    await open('Servers and accounts');
    await expect.poll(() => newServer().getByLabel('Admin user name').inputValue()).toBe('cutover-master');
    expect(await newServer().locator('.admin-password-state').textContent()).toContain('A password is saved');
    expect(await page.content()).not.toContain('Master-Secret-42');
    await shotOf(newServer(), 'setup-admin-login.png');
  });

  it('removes the admin login', async () => {
    const server = newServer();
    await server.getByRole('button', { name: 'Remove the admin login' }).click();
    await expect
      .poll(() => server.locator('.admin-password-state').textContent())
      .toBe('No admin password saved.');
    expect(await server.getByLabel('Admin user name').inputValue()).toBe('');
    expect(await server.getByRole('button', { name: 'Remove the admin login' }).count()).toBe(0);
  });
});

describe('DNS tasks against real DNS servers', () => {
  it('records the MX TTL the DNS provider gives', async () => {
    await open('Prepare');
    const ttl = task('Record the current TTLs');
    await ttl.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => ttl.locator('.task-check-result').textContent(), { timeout: 20_000 })
      .toContain(`MX TTL ${OLD_TTL} s (${OLD_MX})`);
    expect(await ttl.locator('.task-status-row .status-badge').textContent()).toBe('Complete');
  });

  it('says in plain words that the MX still points at the old server', async () => {
    await open('Cutover');
    const point = task('Point MX at the new service');
    await point.getByRole('button', { name: 'Check now' }).click();
    const result = point.locator('.task-check-result');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('Not yet');
    expect(await result.textContent()).toContain(
      `${DOMAIN}: the MX record still sends mail to ${OLD_MX}, not to ${NEW_MX}. Change it at your DNS provider`,
    );
    expect(await point.locator('.task-status-row .status-badge').textContent()).not.toBe('Complete');
  });

  it('completes once the DNS provider gives the new MX', async () => {
    await provider.replaceZone(zone(NEW_MX, NEW_TTL));
    const point = task('Point MX at the new service');
    await point.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => point.locator('.task-status-row .status-badge').textContent(), { timeout: 20_000 })
      .toBe('Complete');
    expect(await point.locator('.task-check-result').textContent()).toContain(`MX points at ${NEW_MX}.`);
  });

  it('shows which DNS server still gives the old answer, and for how long it may', async () => {
    const wait = task('Wait for the change to reach everyone');
    await wait.getByRole('button', { name: 'Check now' }).click();
    const table = wait.getByRole('table', { name: `DNS servers asked about the MX of ${DOMAIN}` });
    await table.waitFor({ timeout: 20_000 });
    // Asked: the provider as authority, then the two resolvers.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await wait.locator('.propagation-title').textContent()).toBe(
      `${DOMAIN}: 2 of 3 DNS servers give ${NEW_MX}.`,
    );
    const stale = rows.filter({ hasText: lagging.address });
    expect(await stale.locator('th').textContent()).toContain(`Public DNS resolver · ${lagging.address}`);
    const staleCells = await stale.locator('td').allTextContents();
    expect(staleCells).toEqual([OLD_MX, '✗ Still the old server', 'May keep the old answer up to 1 hour']);
    const fresh = rows.filter({ hasText: 'Your DNS provider' });
    expect(await fresh.locator('th').textContent()).toContain(provider.address);
    expect(await fresh.locator('td').allTextContents()).toEqual([
      NEW_MX,
      '✓ New server',
      'Keeps the new answer up to 5 min',
    ]);
    expect(await wait.textContent()).toContain(
      'Before the change the MX TTL was 1 hour (recorded on the Prepare page)',
    );
    expect(await wait.locator('.task-status-row .status-badge').textContent()).not.toBe('Complete');
    await shotOf(wait, 'dns-propagation-waiting.png');
  });

  it('offers to check every minute, with a countdown and a way to stop', async () => {
    const wait = task('Wait for the change to reach everyone');
    await wait.getByRole('button', { name: 'Check every minute' }).click();
    const seconds = wait.locator('.auto-recheck-seconds');
    await seconds.waitFor();
    expect(await wait.locator('.auto-recheck').textContent()).toMatch(/Next check in \d+ seconds/);
    await expect.poll(async () => Number(await seconds.textContent()), { timeout: 5_000 }).toBeLessThan(60);
    await wait.getByRole('button', { name: 'Stop checking every minute' }).click();
    await wait.getByRole('button', { name: 'Check every minute' }).waitFor();
    expect(await seconds.count()).toBe(0);
  });

  it('completes when every DNS server gives the new MX, and the table shows them agreeing', async () => {
    await lagging.replaceZone(zone(NEW_MX, NEW_TTL));
    const wait = task('Wait for the change to reach everyone');
    await wait.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => wait.locator('.task-status-row .status-badge').textContent(), { timeout: 20_000 })
      .toBe('Complete');
    expect(await wait.locator('.propagation-title').textContent()).toBe(
      `${DOMAIN}: all 3 DNS servers give ${NEW_MX}.`,
    );
    const verdicts = await wait.locator('tbody .propagation-verdict').allTextContents();
    expect(verdicts).toEqual(['✓ New server', '✓ New server', '✓ New server']);
    // Complete: nothing left to wait for, so no re-checking every minute.
    expect(await wait.getByRole('button', { name: 'Check every minute' }).count()).toBe(0);
    await shotOf(wait, 'dns-propagation.png');

    await page.setViewportSize({ width: 640, height: 430 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await wait.locator('.propagation').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'dns-propagation-zoom-200.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});

describe('user notices: copied to the clipboard', () => {
  it('copies the notice filled in for one person', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(session.url).origin,
    });
    await open('User notices');
    const copy = page.getByRole('region', { name: 'Copy the text into your mail program' });
    await copy.getByLabel('Filled in for').selectOption({ label: `ann.smith@${DOMAIN}` });
    const text = copy.getByLabel(`Text for ann.smith@${DOMAIN}`);
    await text.waitFor();
    await copy.getByRole('button', { name: 'Copy text' }).click();
    await copy.getByText('✓ Copied the text to the clipboard.').waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toContain('Hello Ann Smith,');
    expect(copied).toContain(`Your address stays the same: ann.smith@${DOMAIN}.`);
    expect(copied).toContain(`${NEW_MX} instead of ${OLD_MX}`);
    expect(copied).toContain('Harbour Dental Ltd');
    expect(copied).not.toMatch(/\{\{|\}\}/);
    expect(copied).toBe(await text.inputValue());

    await copy.getByRole('button', { name: 'Copy subject' }).click();
    await copy.getByText('✓ Copied the subject to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(
      `Your e-mail is moving on ${longDay(CUTOVER)}`,
    );
    await shotOf(page.locator('.notice-editor'), 'notices-copy.png');
  });

  it('copies the general text for everyone', async () => {
    const copy = page.getByRole('region', { name: 'Copy the text into your mail program' });
    await copy.getByLabel('Filled in for').selectOption({ index: 0 });
    await copy.getByLabel('Text for everyone').waitFor();
    await copy.getByRole('button', { name: 'Copy text' }).click();
    await copy.getByText('✓ Copied the text to the clipboard.').waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(/^Hello everyone,/);
    expect(copied).not.toContain('Ann Smith');
    expect(copied).not.toMatch(/\{\{|\}\}/);
  });

  it('selects the text for Ctrl+C when the clipboard is not available', async () => {
    await page.evaluate("Object.defineProperty(navigator, 'clipboard', { value: undefined })");
    const copy = page.getByRole('region', { name: 'Copy the text into your mail program' });
    await copy.getByRole('button', { name: 'Copy text' }).click();
    const alert = copy.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('press Ctrl+C');
    const selected = await page.evaluate<string>(
      '(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); })()',
    );
    expect(selected).toBe(await copy.getByLabel('Text for everyone').inputValue());
    expect(selected).toMatch(/^Hello everyone,/);
  });

  it('logged no console errors and no CSP violations', () => {
    expect(session.cspViolations).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
