import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWebHostSession, screenshots } from './web-host-session.ts';
import type { WebHostSession } from './web-host-session.ts';
import { issueCertificate } from '../harness/certificates.ts';

// The setup page's server form for Microsoft 365 in Chromium: the provider fills in the server,
// the app-only sign-in says what to create in Entra and Exchange Online, and its secret, sent
// once, is never on the page again. No connection is made (nothing leaves 127.0.0.1).
const SECRET = 'Xy7~q0SuperSecretValue.1234567890';

let dir: string;
let session: WebHostSession;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cutover-e2e-sign-in-'));
  mkdirSync(screenshots, { recursive: true });
  session = await openWebHostSession(dir);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const oldServer = () => page.getByRole('form', { name: 'Old server' });
const shot = async (name: string) => {
  await page.mouse.move(0, 0);
  await oldServer().screenshot({ path: join(screenshots, name) });
};
const openSetup = async () => {
  await page
    .getByRole('navigation', { name: 'Migration phases' })
    .getByRole('button', { name: /^Servers and accounts/ })
    .click();
  await oldServer().waitFor();
};

describe('a Microsoft 365 server with app-only sign-in', () => {
  it('fills in the server, explains what to create, and stores the secret without showing it again', async () => {
    await page.goto(session.url);
    const create = page.getByRole('form', { name: 'New project' });
    await create.getByLabel('Project name').fill('Contoso move');
    await create.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('banner').getByText('Contoso move', { exact: true }).waitFor();
    await openSetup();

    const form = oldServer();
    await form.getByLabel('Provider').selectOption('microsoft-365');
    expect(await form.getByLabel('Server name').inputValue()).toBe('outlook.office365.com');
    expect(await form.getByLabel('IMAPS port').inputValue()).toBe('993');
    await form.getByRole('radio', { name: /organisation’s app/ }).check();
    const steps = form.getByRole('region', { name: 'What to set up first' });
    expect(await steps.textContent()).toContain('IMAP.AccessAsApp');
    expect(await steps.textContent()).toContain('Add-MailboxPermission');

    // Saving without the secret says what is missing.
    await form.getByLabel('Tenant').fill('contoso.onmicrosoft.com');
    await form.getByLabel('Client ID').fill('11111111-2222-3333-4444-555555555555');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Type the app’s client secret').waitFor();

    await form.getByLabel('Client secret').fill(SECRET);
    await shot('sign-in-microsoft-app-typed.png');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('✓ Saved').waitFor();
    expect(await form.getByLabel('Client secret').inputValue()).toBe('');
    await form.getByText('Stored encrypted. It is never shown again.').waitFor();

    // A fresh page (the printed address again: its key is read once), then the project.
    await page.goto('about:blank');
    await page.goto(session.url);
    await page.getByRole('button', { name: 'Work on this project' }).click();
    await page.getByRole('banner').getByText('Contoso move', { exact: true }).waitFor();
    await openSetup();
    const again = oldServer();
    expect(await again.getByLabel('Provider').inputValue()).toBe('microsoft-365');
    expect(await again.getByLabel('Server name').inputValue()).toBe('outlook.office365.com');
    expect(await again.getByRole('radio', { name: /organisation’s app/ }).isChecked()).toBe(true);
    expect(await again.getByLabel('Tenant').inputValue()).toBe('contoso.onmicrosoft.com');
    expect(await again.getByLabel('Client ID').inputValue()).toBe('11111111-2222-3333-4444-555555555555');
    expect(await again.getByRole('region', { name: 'What to set up first' }).textContent()).toContain(
      'IMAP.AccessAsApp',
    );
    await again.getByText('Stored encrypted. It is never shown again.').waitFor();
    expect(await page.content()).not.toContain(SECRET);
    await shot('sign-in-microsoft-app-stored.png');

    // Saving again without retyping it keeps the stored secret.
    await again.getByRole('button', { name: 'Save' }).click();
    await again.getByText('✓ Saved').waitFor();
    await again.getByText('Stored encrypted. It is never shown again.').waitFor();
    expect(session.consoleErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });

  it('takes the app’s certificate file in place of its secret, and keeps neither on the page', async () => {
    const form = oldServer();
    const certificateField = form.getByLabel(/certificate instead of the secret/);
    await certificateField.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('just some notes'),
    });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('notes.txt is not a certificate with its private key').waitFor();

    const app = await issueCertificate(join(dir, 'certificates'), null, {
      commonName: 'Contoso migration',
      altNames: [],
      keyType: 'rsa',
    });
    await certificateField.setInputFiles({
      name: 'contoso-migration.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(app.certPem + app.keyPem),
    });
    await form.getByText('contoso-migration.pem is chosen.').waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('✓ Saved').waitFor();
    await form.getByText('A certificate is stored encrypted. Choose another file to replace it.').waitFor();
    // The certificate replaced the secret: the secret field no longer says one is stored.
    await form.getByText('Not stored yet. It is sent once when you save, then kept encrypted.').waitFor();
    const keyLine = app.keyPem.split('\n')[1]!;
    expect(await page.content()).not.toContain(keyLine);
    await shot('sign-in-microsoft-app-certificate.png');
  });

  it('shows Google’s service account steps for the new server', async () => {
    const form = page.getByRole('form', { name: 'New server' });
    await form.getByLabel('Provider').selectOption('google');
    expect(await form.getByLabel('Server name').inputValue()).toBe('imap.gmail.com');
    const steps = await form.getByRole('region', { name: 'What to set up first' }).textContent();
    expect(steps).toContain('https://mail.google.com/');
    expect(steps).toContain('Domain-wide delegation');
    await page.mouse.move(0, 0);
    await form.screenshot({ path: join(screenshots, 'sign-in-google-delegation.png') });
    await page.screenshot({ path: join(screenshots, 'sign-in-setup-page.png'), fullPage: true });
  });
});
