import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDovecot } from '../harness/dovecot.ts';
import { acceptsConnections } from '../harness/free-port.ts';
import type { DovecotServer } from '../harness/dovecot.ts';
import { connectTo, rawMessage } from '../support/mail-fixtures.ts';
import { doveadmPw, opensslPasswd, withoutPrefix } from '../support/password-hashes.ts';
import { openWebHostSession, screenshots } from './web-host-session.ts';
import type { WebHostSession } from './web-host-session.ts';

// The migration screen in Chromium against two real Dovecot servers: set the project's servers
// (their self-signed certificates trusted by fingerprint) and accounts, start a job from them,
// watch the tiles, open the failed account, download its log, fix its password and retry it.
const USERS = [
  { username: 'ann', password: 'ann-pass' },
  { username: 'bob', password: 'bob-pass' },
  { username: 'cat', password: 'cat-pass' },
];
const MESSAGES: Record<string, Array<{ folder: string; subject: string }>> = {
  ann: [
    { folder: 'INBOX', subject: 'Quarterly figures' },
    { folder: 'INBOX', subject: 'Lunch on Friday' },
    { folder: 'INBOX', subject: 'New dental chair' },
    { folder: 'Sent', subject: 'Re: Quarterly figures' },
  ],
  bob: [
    { folder: 'INBOX', subject: 'Rota for March' },
    { folder: 'INBOX', subject: 'Parking' },
  ],
  cat: [
    { folder: 'INBOX', subject: 'Welcome' },
    { folder: 'INBOX', subject: 'Invoice 42' },
  ],
};

let dir: string;
let source: DovecotServer;
let destination: DovecotServer;
let session: WebHostSession;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cutover-e2e-migration-'));
  mkdirSync(screenshots, { recursive: true });
  [source, destination] = await Promise.all([startDovecot({ users: USERS }), startDovecot({ users: USERS })]);
  for (const user of USERS) {
    const client = await connectTo(source, user.username, user.password);
    for (const message of MESSAGES[user.username]!) {
      await client.append(
        message.folder,
        rawMessage({ subject: message.subject }),
        ['\\Seen'],
        new Date('2026-01-05T09:00:00Z'),
      );
    }
    await client.logout();
  }
  session = await openWebHostSession(dir);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const nav = () => page.getByRole('navigation', { name: 'Migration phases' });
const form = () => page.getByRole('form', { name: 'Start a job', exact: true });
const pasteForm = () => page.getByRole('form', { name: 'Start a job from a list of users' });
const tile = (username: string) => page.getByRole('option', { name: new RegExp(`^${username}\\b`) });
const totals = () => page.locator('.job-totals-sentence');

describe('migration screen', () => {
  it('is reached from the Cutover phase and says what the project still needs', async () => {
    await page.goto(session.url);
    const newProject = page.getByRole('form', { name: 'New project' });
    await newProject.getByLabel('Project name').fill('Harbour Dental');
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('banner').getByText('Harbour Dental').waitFor();

    await nav()
      .getByRole('button', { name: /^Cutover/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Cutover' }).waitFor();
    await page.getByRole('button', { name: 'Open the migration screen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Migrate mail' }).waitFor();
    await form().getByText('Before a job can start:').waitFor();
    const text = await form().textContent();
    expect(text).toContain('The old server is not set.');
    expect(text).toContain('The new server is not set.');
    expect(text).toContain('The project has no accounts yet.');
    expect(
      await form()
        .getByRole('button', { name: /^Start/ })
        .count(),
    ).toBe(0);
  });

  it('also takes a pasted list of users, and lists its bad lines next to the field by line number', async () => {
    await form().getByRole('button', { name: 'Paste a list of users instead' }).click();
    const old = pasteForm().getByRole('group', { name: 'Old server' });
    await old.getByLabel('Server name').fill(source.host);
    expect(await old.getByLabel('Protocol').inputValue()).toBe('imaps');
    expect(await old.getByLabel('IMAPS port').inputValue()).toBe('993');
    await old.getByLabel('IMAPS port').fill(String(source.ports.imaps));
    const fresh = pasteForm().getByRole('group', { name: 'New server' });
    await fresh.getByLabel('Server name').fill(destination.host);
    await fresh.getByLabel('Port').fill(String(destination.ports.imaps));

    const users = pasteForm().getByLabel('Accounts to copy');
    await users.fill('ann;ann-pass\nbob\ncat;not-her-password');
    await pasteForm().getByLabel('Separator between the fields').selectOption(';');
    expect(await pasteForm().getByText('3 accounts').count()).toBe(1);
    await pasteForm().getByRole('button', { name: 'Start copying' }).click();

    await expect.poll(() => users.getAttribute('aria-invalid')).toBe('true');
    // The chosen separator reaches main: the fix is worded with it.
    expect(await describedText(users)).toContain(
      'Line 2: this line has one field only; write the account as username;password.',
    );
    // Focus goes to the field so the list is read out with it.
    await expect.poll(() => users.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.screenshot({ path: join(screenshots, 'migration-form.png'), fullPage: true });
    await pasteForm().getByRole('button', { name: 'Use the project’s accounts' }).click();
    await form().waitFor();
  });

  it('sets up both servers, trusting their certificates, and the accounts in Servers and accounts', async () => {
    await form().getByRole('button', { name: 'Open servers and accounts' }).click();
    for (const [name, server] of [
      ['Old server', source],
      ['New server', destination],
    ] as const) {
      const profile = page.getByRole('form', { name });
      await profile.getByLabel('Server name').fill(server.host);
      await profile.getByLabel('IMAPS port').fill(String(server.ports.imaps));
      await profile.getByRole('button', { name: 'Test connection' }).click();
      const trust = profile.getByRole('button', { name: 'Trust this certificate for this server only' });
      await trust.waitFor({ timeout: 20_000 });
      expect(await profile.locator('.trust-offer').textContent()).toContain(
        server.certificate.fingerprint256,
      );
      await trust.click();
      await profile.getByText('Trusted certificate for this server only').waitFor();
    }
    // cat's wrong password has a comma in it; a separator chosen by hand is the one used.
    await page.getByLabel('Paste the accounts').fill('ann;ann-pass\nbob;bob-pass\ncat;not-her,password');
    await page.getByLabel('Separator between the fields').selectOption(',');
    await page.getByRole('button', { name: 'Import accounts' }).click();
    expect(await page.locator('#accounts-import-problems').textContent()).toMatch(
      /^Nothing was imported.*Line 1: /,
    );
    await page.getByLabel('Separator between the fields').selectOption(';');
    await page.getByRole('button', { name: 'Import accounts' }).click();
    await page.getByText('Imported: 3 added, 0 updated.').waitFor();
  });

  it('keeps an inventory of the aliases, with what to check before cutover', async () => {
    const field = page.getByLabel('Paste the aliases');
    await field.fill('sales,ann,bob\nsupport');
    await page.getByRole('button', { name: 'Import aliases' }).click();
    const problems = page.locator('#aliases-import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(
      'Line 2: "support" has no target: write the alias, then where it delivers.',
    );
    await field.fill('sales: ann, bob\nsupport: cat, help@desk.example');
    await page.getByRole('button', { name: 'Import aliases' }).click();
    await page.getByText('Aliases imported: 2 added, 0 updated.').waitFor();
    const rows = await page
      .getByRole('table', { name: 'Aliases of this project' })
      .getByRole('row')
      .allTextContents();
    expect(rows.slice(1)).toEqual([
      expect.stringMatching(/^salesann, bob.*Delivers to mailboxes of this project/),
      expect.stringContaining('Forwards outside to help@desk.example'),
    ]);
    await page.getByRole('region', { name: 'Domains and aliases' }).screenshot({
      path: join(screenshots, 'setup-aliases.png'),
    });
  });

  it('carries the old password hashes over: detects their kinds and writes the file for the new server', async () => {
    await nav()
      .getByRole('button', { name: /^Pre-migrate/ })
      .click();
    const task = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Create the same users on the new service' }),
    });
    const panel = task.getByRole('region', { name: 'Keep everyone’s password' });
    const annHash = opensslPasswd('-6', 'ann-pass');
    const bobHash = withoutPrefix(doveadmPw('BLF-CRYPT', 'bob-pass'));
    await panel
      .getByLabel('Paste the old password hashes')
      .fill(
        `ann:${annHash}:19000:0:99999:7:::\nbob:${bobHash}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::`,
      );
    await panel.getByRole('button', { name: 'Import the hashes' }).click();
    const kinds = panel.getByRole('list', { name: 'Kinds of password hash found' });
    await kinds.waitFor();
    expect(await kinds.textContent()).toMatch(/SHA-512-crypt.*bcrypt|bcrypt.*SHA-512-crypt/);
    expect(await panel.locator('.provisioning-coverage').textContent()).toMatch(/2 of 3/);

    await panel.getByRole('radio', { name: 'Dovecot' }).check();
    const file = await download(panel.getByRole('button', { name: 'Download the users file for Dovecot' }));
    expect(
      file.text
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .sort(),
    ).toEqual([
      expect.stringMatching(new RegExp(`^ann:\\{SHA512-CRYPT\\}${escapeRegExp(annHash)}`)),
      expect.stringMatching(new RegExp(`^bob:\\{BLF-CRYPT\\}${escapeRegExp(bobHash)}`)),
    ]);
    expect(await panel.textContent()).toContain('cat');
    await page.mouse.move(0, 0);
    await task.screenshot({ path: join(screenshots, 'provisioning.png') });
  });

  it('starts a job from the project and shows every account turning green or red', async () => {
    await nav()
      .getByRole('button', { name: /^Migrate mail/ })
      .click();
    const facts = form().locator('.fact-list');
    await facts.waitFor();
    const text = await facts.textContent();
    expect(text).toContain(
      `${source.host} · IMAPS port ${source.ports.imaps} · certificate trusted by its fingerprint`,
    );
    expect(text).toContain(`${destination.host} · IMAPS port ${destination.ports.imaps}`);
    expect(text).toContain('3 accounts');
    await page.screenshot({ path: join(screenshots, 'migration-start.png'), fullPage: true });
    await form().getByRole('button', { name: 'Start copying' }).click();
    await page.getByText(/Started job “\d+”/).waitFor();

    await expect.poll(() => tile('ann').textContent(), { timeout: 30_000 }).toContain('Done');
    await expect.poll(() => tile('bob').textContent(), { timeout: 30_000 }).toContain('Done');
    await expect.poll(() => tile('cat').textContent(), { timeout: 30_000 }).toContain('Failed');
    expect(await tile('ann').textContent()).toContain('4 messages');
    await expect.poll(() => tile('cat').textContent()).toContain('Wrong password (old server)');
    await expect
      .poll(() => totals().textContent())
      .toBe('Partly done: 3 of 3 accounts finished — 2 done, 0 partly done, 1 failed.');
    expect(await totals().getAttribute('aria-live')).toBe('polite');
    expect(await page.getByRole('button', { name: 'Retry failed and partial' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Stop…' }).isDisabled()).toBe(true);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, 'migration-grid.png'), fullPage: true });
  });

  it('offers the project’s accounts again for the next job, and goes back to the jobs', async () => {
    await page.getByRole('button', { name: 'Start another job' }).click();
    await form().locator('.fact-list').waitFor();
    expect(await form().locator('.fact-list').textContent()).toContain('3 accounts');
    await form().getByRole('button', { name: 'Back to the jobs' }).click();
    await form().waitFor({ state: 'hidden' });
  });

  it('opens an account with the keyboard and explains the failure with what to do', async () => {
    await tile('ann').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tile('bob').evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: 'cat' });
    await detail.waitFor();
    expect(await tile('cat').getAttribute('aria-selected')).toBe('true');
    const text = await detail.textContent();
    expect(text).toContain('Wrong password (old server)');
    expect(text).toContain('refused the password for cat');
    expect(text).toContain(
      'Type the account’s correct old-server password below, then press Save and retry.',
    );
    expect(await detail.getByLabel('cat’s password on the old server').inputValue()).toBe('');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, 'migration-account.png'), fullPage: true });

    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await expect.poll(() => tile('cat').evaluate((el) => el.matches(':focus'))).toBe(true);

    await tile('ann').click();
    const ann = page.getByRole('region', { name: 'ann' });
    const folders = await ann
      .getByRole('table', { name: 'Folders of ann' })
      .getByRole('row')
      .allTextContents();
    expect(folders).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^INBOX3\s*00Done$/),
        expect.stringMatching(/^Sent1\s*00Done$/),
      ]),
    );
    expect(await ann.getByRole('button', { name: 'Save and retry' }).count()).toBe(0);
  });

  it('downloads an account’s log and the whole job’s log as text files', async () => {
    await tile('cat').click();
    const detail = page.getByRole('region', { name: 'cat' });
    const account = await download(detail.getByRole('button', { name: 'Download this account’s log' }));
    expect(account.name).toMatch(/^cutover-job-\d+-cat\.log$/);
    expect(account.text).toContain('Cutover log of cat in job');
    expect(account.text).toMatch(/ERROR {2}\[cat\] .*refused the password for cat/);
    expect(account.text).not.toContain('[ann]');
    expect(account.text).not.toContain('not-her,password');

    const job = await download(page.getByRole('button', { name: 'Download the whole job’s log' }));
    expect(job.text).toContain('[ann]');
    expect(job.text).toContain('[bob]');
    expect(job.text).toMatch(/finished: 2 done, 0 partly done, 1 failed/);
  });

  it('takes the corrected password and retries: the failed account turns green, nothing is copied twice', async () => {
    const detail = page.getByRole('region', { name: 'cat' });
    await detail.getByRole('button', { name: 'Save and retry' }).click();
    expect(await detail.getByRole('alert').textContent()).toContain(
      'Type cat’s password on the old server first.',
    );

    await detail.getByLabel('cat’s password on the old server').fill('cat-pass');
    await detail.getByRole('button', { name: 'Save and retry' }).click();
    await expect.poll(() => tile('cat').textContent(), { timeout: 30_000 }).toContain('Done');
    expect(await tile('cat').textContent()).toContain('2 messages');
    await expect
      .poll(() => totals().textContent(), { timeout: 10_000 })
      .toBe('Done: 3 of 3 accounts finished — 3 done, 0 partly done, 0 failed.');
    expect(await page.getByRole('button', { name: 'Retry failed and partial' }).isDisabled()).toBe(true);

    const log = await download(page.getByRole('button', { name: 'Download the whole job’s log' }));
    expect(log.text).toContain('The old server password of cat was changed for this job.');
    expect(log.text).not.toContain('cat-pass');
    expect(await messageCount('ann', 'ann-pass')).toBe(4);
    expect(await messageCount('bob', 'bob-pass')).toBe(2);
    expect(await messageCount('cat', 'cat-pass')).toBe(2);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, 'migration-retried.png'), fullPage: true });
  });

  it('copies again only the mail that arrived since, once every account is done', async () => {
    const late = await connectTo(source, 'bob', 'bob-pass');
    await late.append('INBOX', rawMessage({ subject: 'Arrived during the DNS change' }), ['\\Seen']);
    await late.logout();
    expect(await page.locator('.job-controls .hint').textContent()).toContain('Copy new mail again picks up');
    await page.getByRole('button', { name: 'Copy new mail again' }).click();
    await expect.poll(() => tile('bob').textContent(), { timeout: 30_000 }).toContain('3 messages');
    await expect
      .poll(() => totals().textContent(), { timeout: 10_000 })
      .toBe('Done: 3 of 3 accounts finished — 3 done, 0 partly done, 0 failed.');
    expect(await messageCount('bob', 'bob-pass')).toBe(3);
    expect(await messageCount('ann', 'ann-pass')).toBe(4);
    expect(await messageCount('cat', 'cat-pass')).toBe(2);
  });

  it('pauses a job that is waiting for the old server, and resumes it once the server is back', async () => {
    const back = source.restart(3000);
    while (await acceptsConnections(source.ports.imaps)) await new Promise((r) => setTimeout(r, 50));
    await page.getByRole('button', { name: 'Copy new mail again' }).click();
    const pause = page.getByRole('button', { name: 'Pause' });
    await pause.click({ timeout: 10_000 });
    await expect.poll(() => totals().textContent(), { timeout: 10_000 }).toMatch(/^Paused: /);
    expect(await page.locator('.job-controls .hint').textContent()).toContain('Resume carries on');
    await page.mouse.move(0, 0);
    await page.locator('.job-panel').screenshot({ path: join(screenshots, 'migration-paused.png') });

    await back;
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(() => totals().textContent(), { timeout: 30_000 })
      .toBe('Done: 3 of 3 accounts finished — 3 done, 0 partly done, 0 failed.');
    expect(await messageCount('bob', 'bob-pass')).toBe(3);
    expect(await messageCount('ann', 'ann-pass')).toBe(4);
  });

  it('shows the job where it is after leaving the page and coming back', async () => {
    await nav()
      .getByRole('button', { name: /^Projects/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Projects' }).waitFor();
    await nav()
      .getByRole('button', { name: /^Migrate mail/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Migrate mail' }).waitFor();
    await expect.poll(() => tile('cat').textContent()).toContain('Done');
    const rows = await page
      .getByRole('table', { name: /Jobs of this project/ })
      .getByRole('row')
      .allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Done');
    expect(rows[1]).toContain('3 done');
  });

  it('stays readable at 200% zoom: nothing wider than the window', async () => {
    // 1280×860 at 200% zoom leaves 640×430 CSS pixels.
    await page.setViewportSize({ width: 640, height: 430 });
    await tile('cat').click();
    await page.getByRole('region', { name: 'cat' }).waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, 'migration-zoom-200.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('logged no console errors and no CSP violations', () => {
    expect(session.cspViolations).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks a download button and reads the file the browser saved. */
async function download(button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The text of the elements a control names in aria-describedby. */
async function describedText(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Messages in every folder of a mailbox on the new server. */
async function messageCount(user: string, password: string): Promise<number> {
  const client = await connectTo(destination, user, password);
  let total = 0;
  for (const folder of await client.list()) {
    if (folder.flags.has('\\Noselect')) continue;
    const status = await client.status(folder.path, { messages: true });
    total += status ? (status.messages ?? 0) : 0;
  }
  await client.logout();
  return total;
}
