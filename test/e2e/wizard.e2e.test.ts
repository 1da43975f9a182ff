import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDovecot } from '../harness/dovecot.ts';
import type { DovecotServer } from '../harness/dovecot.ts';
import { addDays, cutoverMonday, longDay, shortDay } from './future-day.ts';
import { openWebHostSession, screenshots } from './web-host-session.ts';
import type { WebHostSession } from './web-host-session.ts';

/** A Monday about a year ahead: no due date of the tests ever passes. */
const CUTOVER = cutoverMonday();

// The wizard in Chromium against a real, self-signed Dovecot: project details, the new server
// with its certificate trusted, accounts imported, phase tasks with a live login check, the
// timeline exported, and the end-user certificate check. Everything stays on 127.0.0.1.
//
// Not covered here: the DNS task checks, which need a DNS server of the test's own
// (dns-tasks.e2e.test.ts starts Knot and passes it to `cutover serve --authority/--resolver`).
// Only the "no domain yet" refusal is driven, which is decided before any DNS query.
const USERS = [
  { username: 'ann', password: 'ann-pass' },
  { username: 'bob', password: 'bob-pass' },
  { username: 'cat', password: 'cat-pass' },
];

let dir: string;
let dovecot: DovecotServer;
let session: WebHostSession;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cutover-e2e-wizard-'));
  mkdirSync(screenshots, { recursive: true });
  dovecot = await startDovecot({ users: USERS });
  session = await openWebHostSession(dir);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const nav = () => page.getByRole('navigation', { name: 'Migration phases' });
const task = (title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: title }) });
const shot = async (name: string) => {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(screenshots, name), fullPage: true });
};

describe('wizard', () => {
  it('creates a project with a cutover date and shows the Prepare tasks with due dates', async () => {
    await page.goto(session.url);
    const form = page.getByRole('form', { name: 'New project' });
    await form.getByLabel('Project name').fill('Harbour Dental');
    await form.getByLabel('Customer').fill('Harbour Dental Ltd');
    await form.getByLabel('Cutover date').fill(CUTOVER);
    await form.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('banner').getByText('Harbour Dental', { exact: true }).waitFor();

    await nav()
      .getByRole('button', { name: /^Prepare/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Prepare' }).waitFor();
    const ttl = task('Record the current TTLs');
    await ttl.waitFor();
    expect(await ttl.textContent()).toContain('Required');
    expect(await ttl.locator('.task-due time').getAttribute('datetime')).toBe(addDays(CUTOVER, -21));
    expect(await task('Lower the MX TTL below one hour').locator('.task-due').textContent()).toBe(
      `Due ${longDay(addDays(CUTOVER, -14))}`,
    );
    expect(await task('Note how people read their mail').textContent()).toContain('Recommended');
    expect(await ttl.textContent()).toContain('Not started');
  });

  it('explains that a DNS check needs a domain, and links to where to add it', async () => {
    const ttl = task('Record the current TTLs');
    await ttl.getByRole('button', { name: 'Check now' }).click();
    const alert = ttl.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('the project has no domain yet');
    await alert.getByRole('button', { name: 'Add the domain in Servers and accounts' }).click();
    await page.getByRole('heading', { level: 2, name: 'Servers and accounts' }).waitFor();
  });

  it('saves status and notes of a task', async () => {
    await nav()
      .getByRole('button', { name: /^Prepare/ })
      .click();
    const inventory = task('List the domains, mailboxes and aliases');
    await inventory.getByLabel('Status').selectOption('in-progress');
    await expect.poll(() => inventory.locator('.status-badge').textContent()).toBe('In progress');
    await inventory.getByText('Notes (none yet)').click();
    await inventory
      .getByLabel('Notes on “List the domains, mailboxes and aliases”')
      .fill('Ask Pat for the alias list.');
    await inventory.getByRole('button', { name: 'Save notes' }).click();
    await inventory.getByText('✓ Notes saved').waitFor();
  });

  it('edits the domains, and tests and trusts the new server’s self-signed certificate', async () => {
    await nav()
      .getByRole('button', { name: /^Servers and accounts/ })
      .click();
    const details = page.getByRole('form', { name: 'Customer, domains and cutover date' });
    await details.getByLabel('Mail domains').fill('harbourdental.example not_a_domain');
    await details.getByRole('button', { name: 'Save project details' }).click();
    const domains = details.getByLabel('Mail domains');
    await expect.poll(() => domains.getAttribute('aria-invalid')).toBe('true');
    expect(await details.textContent()).toContain('“not_a_domain” is not a domain name.');
    await domains.fill('harbourdental.example');
    await details.getByRole('button', { name: 'Save project details' }).click();
    await details.getByText('✓ Saved').waitFor();

    const server = page.getByRole('form', { name: 'New server' });
    await server.getByLabel('Server name').fill(dovecot.host);
    await server.getByLabel('IMAPS port').fill(String(dovecot.ports.imaps));
    await server.getByRole('button', { name: 'Test connection' }).click();
    const trust = server.getByRole('button', { name: 'Trust this certificate for this server only' });
    await trust.waitFor({ timeout: 20_000 });
    const offer = await server.locator('.trust-offer').textContent();
    expect(offer).toContain(dovecot.certificate.fingerprint256);
    expect(offer).toContain('localhost');
    expect(await server.locator('.verdict').first().textContent()).toMatch(
      /self-signed|not trusted|cannot be verified/i,
    );
    await shot('setup-untrusted.png');

    await trust.click();
    await server.getByText('Trusted certificate for this server only').waitFor();
    await expect
      .poll(() => server.locator('.verdict-title').first().textContent(), { timeout: 20_000 })
      .toBe('The certificate is fine');
    expect(await server.locator('.trust-offer').count()).toBe(0);
  });

  it('imports accounts: a bad line is reported by number and nothing is imported', async () => {
    const field = page.getByLabel('Paste the accounts');
    await field.fill('ann,ann-pass\nbob\ncat,cat-pass');
    await page.getByRole('button', { name: 'Import accounts' }).click();
    const problems = page.locator('#accounts-import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/Line 2: /);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('No accounts yet.').count()).toBe(1);

    await field.fill('ann,ann-pass\nbob,bob-pass\ncat,cat-pass');
    await page.getByRole('button', { name: 'Import accounts' }).click();
    await page.getByText('Imported: 3 added, 0 updated.').waitFor();
    const rows = page.getByRole('table', { name: 'Accounts of this project' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(1).textContent()).toContain('ann');
    expect(await rows.nth(1).textContent()).toContain('Stored');
    expect(await field.inputValue()).toBe('');
    // The domains inventory follows the domains saved above and the accounts just imported.
    await expect
      .poll(() => page.getByRole('list', { name: 'Domains' }).textContent())
      .toBe('harbourdental.example: 3 mailboxes, 0 aliases');
    await shot('setup.png');
  });

  it('runs the login check of every account on the new server from the Pre-migrate page', async () => {
    await nav()
      .getByRole('button', { name: /^Pre-migrate/ })
      .click();
    const create = task('Create the same users on the new service');
    await create.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => create.locator('.task-check-result').textContent(), { timeout: 30_000 })
      .toContain('All 3 accounts can log in to 127.0.0.1.');
    expect(await create.locator('.task-check-result').textContent()).toContain('Checked just now');
    expect(await create.locator('.task-status-row .status-badge').textContent()).toBe('Complete');
    await shot('pre-migrate.png');
  });

  it('shows each phase page with its tasks', async () => {
    for (const [name, file] of [
      ['Prepare', 'prepare.png'],
      ['Cutover', 'cutover.png'],
      ['Post-migrate', 'post-migrate.png'],
    ] as const) {
      await nav()
        .getByRole('button', { name: new RegExp(`^${name}`) })
        .click();
      await page.getByRole('heading', { level: 2, name }).waitFor();
      await page.locator('.task-card').first().waitFor();
      await shot(file);
    }
  });

  it('shows the timeline and exports it as CSV and HTML', async () => {
    await nav()
      .getByRole('button', { name: /^Timeline/ })
      .click();
    const table = page.getByRole('table', { name: 'Timeline of “Harbour Dental”' });
    await table.waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain(shortDay(addDays(CUTOVER, -21)));
    await shot('timeline.png');

    const csv = await download(page.getByRole('button', { name: 'Export CSV' }));
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('Date,Phase,Task,Details,Required,Status');
    expect(csv.text).toContain(`${addDays(CUTOVER, -21)},Prepare,Record the current TTLs`);
    expect(csv.text).toMatch(/Create the same users on the new service,.*All 3 accounts can log in/s);
    expect(csv.text).toContain('Ask Pat for the alias list.');
    const html = await download(page.getByRole('button', { name: 'Export HTML' }));
    expect(html.name).toMatch(/\.html$/);
    expect(html.text).toContain('Harbour Dental');
  });

  it('saves the user notices as one .eml draft per account', async () => {
    await nav()
      .getByRole('button', { name: /^User notices/ })
      .click();
    await page.getByRole('heading', { level: 3, name: '3 weeks before cutover' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Notices' }).getByRole('button').count()).toBe(4);
    const editor = page.locator('.notice-editor');
    await page.getByRole('button', { name: 'Download .eml for every user' }).click();
    // The notice names the old server, which the project does not have yet: say so, link there.
    await expect
      .poll(() => editor.locator('#notice-three-weeks-before-error').textContent())
      .toContain('{{oldServer}}');
    await editor.getByRole('button', { name: 'Open Servers and accounts', exact: true }).click();
    const old = page.getByRole('form', { name: 'Old server' });
    await old.getByLabel('Server name').fill(dovecot.host);
    await old.getByRole('button', { name: 'Save' }).click();
    await old.getByText('✓ Saved').waitFor();

    await nav()
      .getByRole('button', { name: /^User notices/ })
      .click();
    const files: string[] = [];
    page.on('download', (d) => files.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Download .eml for every user' }).click();
    await expect
      .poll(() => editor.locator('.saved-note, .field-error').allTextContents())
      .toContainEqual(expect.stringContaining('Saved 3 drafts.'));
    await expect.poll(() => files.length).toBe(3);
    expect(files.every((name) => name.endsWith('.eml'))).toBe(true);
  });

  it('answers the end user in plain words, with the details folded away', async () => {
    await page
      .getByRole('navigation', { name: 'Migration phases' })
      .getByRole('button', { name: /^Certificate warning/ })
      .click();
    await page
      .getByRole('heading', { level: 2, name: 'Why does my mail app warn about the certificate?' })
      .waitFor();
    const form = page.getByRole('form', { name: 'Check a mail server' });
    // An IP address is never looked up, so no DNS server is asked; the ports are Dovecot's.
    await form.getByLabel('Your e-mail address or mail server name').fill(dovecot.host);
    await form.getByText('Advanced (for IT staff)').click();
    await form.getByLabel('IMAP over TLS port').fill(String(dovecot.ports.imaps));
    await form.getByLabel('IMAP with STARTTLS port').fill(String(dovecot.ports.imap));
    await form.getByLabel('POP3 over TLS port').fill(String(dovecot.ports.pop3s));
    await form.getByLabel('POP3 with STLS port').fill(String(dovecot.ports.pop3));
    await form.getByLabel('Sending over TLS port').fill('0');
    await form.getByLabel('Sending with STARTTLS port').fill('0');
    await form.getByText('Advanced (for IT staff)').click();
    await form.getByRole('button', { name: 'Check' }).click();
    const answer = page.locator('.check-answer');
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.locator('.verdict-title').first().textContent()).toBe('127.0.0.1');
    expect(await answer.locator('.check-headline').textContent()).toBe('The server made its own certificate');
    expect(await answer.locator('.check-fix').textContent()).toContain(dovecot.certificate.fingerprint256);
    expect(await answer.locator('.check-fix').textContent()).toMatch(/^What to do: /);
    const details = answer.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.textContent()).toContain(dovecot.certificate.fingerprint256);
    expect(await details.textContent()).toContain('IMAP over TLS, port');
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('end-user-check.png');
  });

  it('stays readable at 200% zoom on the setup page', async () => {
    await page.setViewportSize({ width: 640, height: 430 });
    await nav()
      .getByRole('button', { name: /^Servers and accounts/ })
      .click();
    await page.getByRole('form', { name: 'New server' }).waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('setup-zoom-200.png');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('logged no console errors and no CSP violations', () => {
    expect(session.cspViolations).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});

/** Clicks a download button and reads the file the browser saved. */
async function download(button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
