// The README's screenshots (`npx nx run client-e2e:screenshots`): the real server on a fresh
// database (see playwright.config.ts), a board seeded by bots over real WebSockets, and Chromium at
// 1280x800. Not part of `npm test`: it writes docs/images/*.png, which are committed.
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  timeout: 180_000,
  outputDir: base.outputDir?.replace(/test-output$/, 'screenshots-output'),
  projects: [
    {
      name: 'screenshots',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        screenshot: 'only-on-failure',
        launchOptions: base.use?.launchOptions,
      },
    },
  ],
});
