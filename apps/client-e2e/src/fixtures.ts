import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { testAddress } from '@tengen/test-kit';

/**
 * Headers that make each browser its own network to the server (which runs with
 * `TRUSTED_PROXY_HOPS=1`, as behind the load balancer), so the per-address room limits count per
 * player and never across tests.
 */
function ownNetwork(): Record<string, string> {
  return { 'x-forwarded-for': testAddress() };
}

/** Console messages and page errors that count as failures (SwiftShader's GPU notes are warnings). */
function watch(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}

/** A second (or third) browser for duo tests, with its own storage and console watch. */
export interface Player {
  context: BrowserContext;
  page: Page;
}

interface Fixtures {
  /** Errors seen in every page of the test; asserted empty after it. */
  consoleErrors: string[];
  /** Opens another player's browser context. */
  newPlayer: () => Promise<Player>;
}

/** Tests with console-error checking on every page they open. */
export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      await page.context().setExtraHTTPHeaders(ownNetwork());
      watch(page, errors);
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  newPlayer: async ({ browser, consoleErrors }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const context = await (browser as Browser).newContext({ extraHTTPHeaders: ownNetwork() });
      opened.push(context);
      const page = await context.newPage();
      watch(page, consoleErrors);
      return { context, page };
    });
    for (const c of opened) await c.close();
  },
});

export { expect };
