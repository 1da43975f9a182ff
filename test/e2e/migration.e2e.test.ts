import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDovecot } from '../harness/dovecot.ts';
import type { DovecotServer } from '../harness/dovecot.ts';
import { connectTo, rawMessage } from '../support/mail-fixtures.ts';
import { openWebHostSession, screenshots } from './web-host-session.ts';
import type { WebHostSession } from './web-host-session.ts';

// The migration screen in Chromium against two real Dovecot servers: start a job with the
// servers' self-signed certificates trusted by fingerprint, watch the tiles, open the failed
// account, download its log, and retry it.
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
const form = () => page.getByRole('form', { name: 'Start a job' });
const tile = (username: string) => page.getByRole('option', { name: new RegExp(`^${username}\\b`) });
const totals = () => page.locator('.job-totals-sentence');

describe('migration screen', () => {
  it('is reached from the Cutover phase of a project', async () => {
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
    await form().waitFor();
  });

  it('lists the bad lines of the accounts next to the field, by line number', async () => {
    const old = form().getByRole('group', { name: 'Old server' });
    await old.getByLabel('Server name').fill(source.host);
    expect(await old.getByLabel('Protocol').inputValue()).toBe('imaps');
    expect(await old.getByLabel('IMAPS port').inputValue()).toBe('993');
    await old.getByLabel('IMAPS port').fill(String(source.ports.imaps));
    await old.getByText('Advanced').click();
    await old
      .getByLabel('Trust this certificate (SHA-256 fingerprint)')
      .fill(source.certificate.fingerprint256);

    const fresh = form().getByRole('group', { name: 'New server' });
    await fresh.getByLabel('Server name').fill(destination.host);
    await fresh.getByLabel('Port').fill(String(destination.ports.imaps));
    await fresh.getByText('Advanced').click();
    await fresh
      .getByLabel('Trust this certificate (SHA-256 fingerprint)')
      .fill(destination.certificate.fingerprint256);

    const users = form().getByLabel('Accounts to copy');
    await users.fill('ann,ann-pass\nbob\ncat,not-her-password');
    expect(await form().getByText('3 accounts').count()).toBe(1);
    await form().getByRole('button', { name: 'Start copying' }).click();

    await expect.poll(() => users.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(users)).toContain(
      'Line 2: "bob" has no password; write it as username,password.',
    );
    // Focus goes to the field so the list is read out with it.
    await expect.poll(() => users.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.screenshot({ path: join(screenshots, 'migration-form.png'), fullPage: true });
  });

  it('starts the job, clears the passwords and shows every account turning green or red', async () => {
    const users = form().getByLabel('Accounts to copy');
    await users.fill('ann,ann-pass\nbob,bob-pass\ncat,not-her-password');
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

  it('keeps the servers but not the passwords for the next job', async () => {
    await page.getByRole('button', { name: 'Start another job' }).click();
    expect(await form().getByLabel('Accounts to copy').inputValue()).toBe('');
    expect(
      await form().getByRole('group', { name: 'Old server' }).getByLabel('Server name').inputValue(),
    ).toBe(source.host);
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
    expect(text).toContain('Check this account’s old password in the users list, then Retry.');
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
  });

  it('downloads an account’s log and the whole job’s log as text files', async () => {
    await tile('cat').click();
    const detail = page.getByRole('region', { name: 'cat' });
    const account = await download(detail.getByRole('button', { name: 'Download this account’s log' }));
    expect(account.name).toMatch(/^cutover-job-\d+-cat\.log$/);
    expect(account.text).toContain('Cutover log of cat in job');
    expect(account.text).toMatch(/ERROR {2}\[cat\] .*refused the password for cat/);
    expect(account.text).not.toContain('[ann]');
    expect(account.text).not.toContain('not-her-password');

    const job = await download(page.getByRole('button', { name: 'Download the whole job’s log' }));
    expect(job.text).toContain('[ann]');
    expect(job.text).toContain('[bob]');
    expect(job.text).toMatch(/finished: 2 done, 0 partly done, 1 failed/);
  });

  it('retries the failed account: it stays failed for the same reason, and nothing is copied twice', async () => {
    // A job's passwords cannot be changed yet, so the retry meets the same wrong password.
    await page.getByRole('button', { name: 'Retry failed and partial' }).click();
    await expect
      .poll(
        async () => {
          const log = await download(page.getByRole('button', { name: 'Download the whole job’s log' }));
          return log.text.match(/finished: 2 done, 0 partly done, 1 failed/g)?.length ?? 0;
        },
        { timeout: 30_000 },
      )
      .toBe(2);
    await expect.poll(() => tile('cat').textContent()).toContain('Wrong password (old server)');
    expect(await tile('ann').textContent()).toContain('Done');
    expect(await tile('bob').textContent()).toContain('Done');
    await expect.poll(() => totals().textContent()).toContain('2 done, 0 partly done, 1 failed');
    const detail = page.getByRole('region', { name: 'cat' });
    expect(await detail.textContent()).toContain(
      'Check this account’s old password in the users list, then Retry.',
    );

    expect(await messageCount('ann', 'ann-pass')).toBe(4);
    expect(await messageCount('bob', 'bob-pass')).toBe(2);
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
    await expect.poll(() => tile('cat').textContent()).toContain('Failed');
    const rows = await page
      .getByRole('table', { name: /Jobs of this project/ })
      .getByRole('row')
      .allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Partly done');
    expect(rows[1]).toContain('2 done, 1 failed');
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
