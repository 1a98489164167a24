// What every end-to-end spec does with the page besides the test itself.
import type { Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';

/** Saves a screenshot as a test artifact, test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Fails the test on any request that would leave the machine (DESIGN.md §7). */
export function guardOffline(page: Page): string[] {
  const outside: string[] = [];
  void page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return outside;
}

/** Uncaught errors and console errors of the page, for the test to assert none happened. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}
