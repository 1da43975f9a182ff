import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { addDays, cutoverMonday, longDay } from './future-day.ts';
import { openWebHostSession, screenshots } from './web-host-session.ts';
import type { WebHostSession } from './web-host-session.ts';

/** A Monday about a year ahead: no due date of the tests ever passes. */
const CUTOVER = cutoverMonday();

// The app shell in Chromium, served by `cutover serve` exactly as a user would start it.
let dir: string;
let session: WebHostSession;
let url: string;
let page: Page;
let consoleErrors: string[];
let cspViolations: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cutover-e2e-'));
  mkdirSync(screenshots, { recursive: true });
  session = await openWebHostSession(dir);
  ({ url, page, consoleErrors, cspViolations } = session);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('app shell', () => {
  it('shows the heading and the phases in order', async () => {
    await page.goto(url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cutover');
    const nav = page.getByRole('navigation', { name: 'Migration phases' });
    expect(await nav.locator('.nav-label').allTextContents()).toEqual([
      'Projects',
      'Timeline',
      'Prepare',
      'Pre-migrate',
      'Cutover',
      'Post-migrate',
      'Certificate warning?',
    ]);
    await expect
      .poll(() => nav.getByRole('button', { name: /Projects/ }).getAttribute('aria-current'))
      .toBe('page');
    await page.getByText('No projects yet').waitFor();
    await page.screenshot({ path: join(screenshots, 'app-shell.png'), fullPage: true });
  });

  it('creates projects and explains mistakes next to the field', async () => {
    const form = page.getByRole('form', { name: 'New project' });
    const create = () => form.getByRole('button', { name: 'Create project' }).click();
    const cardFor = (name: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

    await form.getByLabel('Project name').fill('Harbour Dental');
    await form.getByLabel('Domains').fill('harbourdental.example not_a_domain');
    await create();
    const domains = form.getByLabel('Domains');
    await expect.poll(() => domains.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(domains)).toContain(
      '“not_a_domain” is not a domain name. A domain looks like example.com.',
    );
    await domains.fill('harbourdental.example');
    await create();
    await cardFor('Harbour Dental').waitFor();

    await form.getByLabel('Project name').fill('Acme move');
    await form.getByLabel('Customer').fill('Acme Ltd');
    await form.getByLabel('Domains').fill('acme.example, acme-mail.example');
    await form.getByLabel('Cutover date').fill(CUTOVER);
    await create();
    const card = cardFor('Acme move');
    await card.waitFor();
    expect(await card.textContent()).toContain('Acme Ltd');
    expect(await card.textContent()).toContain('Current project');
    await page.getByRole('banner').getByText('Acme move').waitFor();

    await form.getByLabel('Project name').fill('acme MOVE');
    await create();
    const nameField = form.getByLabel('Project name');
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(nameField)).toContain(
      'A project named "acme MOVE" already exists. Choose another name.',
    );
    await page.screenshot({ path: join(screenshots, 'projects.png'), fullPage: true });
  });

  it('shows the Prepare phase with its date for the current project', async () => {
    await page
      .getByRole('navigation', { name: 'Migration phases' })
      .getByRole('button', { name: /Prepare/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Prepare' }).waitFor();
    // Three weeks before the cutover Monday.
    const date = page.locator('.phase-date time');
    expect(await date.getAttribute('datetime')).toBe(addDays(CUTOVER, -21));
    expect(await date.textContent()).toBe(longDay(addDays(CUTOVER, -21)));
    await page.screenshot({ path: join(screenshots, 'app-shell-prepare.png'), fullPage: true });
  });

  it('renames and deletes a project, asking first in the page', async () => {
    await page
      .getByRole('navigation', { name: 'Migration phases' })
      .getByRole('button', { name: /Projects/ })
      .click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Acme move' }) });
    await card.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for “Acme move”').fill('Acme migration');
    await page.keyboard.press('Enter');
    const renamed = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Acme migration' }) });
    await renamed.waitFor();

    await renamed.getByRole('button', { name: 'Delete…' }).click();
    await renamed.getByText('Delete “Acme migration”?').waitFor();
    await renamed.getByRole('button', { name: 'Delete project' }).click();
    await renamed.waitFor({ state: 'detached' });
    // The card is gone, so focus moves to the page heading rather than being lost.
    expect(await page.locator('h2:focus').textContent()).toBe('Projects');
    await page.getByRole('banner').getByText('No project selected').waitFor();
    expect(await page.locator('.project-list').getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Harbour Dental'),
    ]);
  });

  it('asks for the printed address when the key is missing', async () => {
    await page.goto(url.replace(/#.*$/, ''));
    await page.getByText('Open the address Cutover printed in the terminal; it includes a key.').waitFor();
  });

  it('logged no console errors and no CSP violations', async () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

/** The text of the elements a control names in aria-describedby (its hint and error). */
async function describedText(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}
