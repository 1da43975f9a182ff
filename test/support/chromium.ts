// A headless Chromium for tests that go through a real sign-in page, and the steps of
// oidc-provider's development login and consent pages (any login name, any password).
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export function launchChromium(
  profileDir: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    ...options,
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Signs in as `login` on the provider's page at `url`, consents, and waits for Cutover's page. */
export async function signInAtProvider(page: Page, url: string, login: string): Promise<string> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return cutoverPage(page);
}

/** Presses the provider's Cancel on its login page, as a user who does not grant access. */
export async function declineAtProvider(page: Page, url: string): Promise<string> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  return cutoverPage(page);
}

/** The text of the page Cutover's loopback listener answered with. */
async function cutoverPage(page: Page): Promise<string> {
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
  await page.locator('h1').waitFor();
  return page.locator('body').innerText();
}
