// E2E for the browser client. Locally it builds nothing itself (the `e2e` target depends on
// client:build) but starts the real server on a free-ish port with a throwaway database; with
// BASE_URL set it tests that deployment (e.g. staging) and starts nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions, serverMain } from '@tengen/test-kit';

const root = join(import.meta.dirname, '..', '..');
const external = process.env['BASE_URL'];
// The config is evaluated again in every worker; the env carries the first choice to them.
process.env['E2E_PORT'] ??= String(20_000 + (process.pid % 20_000));
process.env['E2E_DB_DIR'] ??= mkdtempSync(join(tmpdir(), 'tengen-e2e-'));
const port = Number(process.env['E2E_PORT']);
const baseURL = external ?? `http://127.0.0.1:${port}`;

// The system Chromium when there is one (this machine, CI), else Playwright's own (GitHub Actions).
const launchOptions = chromiumLaunchOptions(['--autoplay-policy=no-user-gesture-required']);

export default defineConfig({
  testDir: './src',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // A flaky test is a failing test: no retries, locally or in CI.
  retries: 0,
  reporter: [['list']],
  outputDir: join(root, 'dist', '.playwright', 'client-e2e', 'test-output'),
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    {
      name: 'desktop',
      testIgnore: /phone\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    { name: 'phone', testMatch: /phone\.spec\.ts/, use: { ...devices['Pixel 7'], launchOptions } },
  ],
  webServer: external
    ? undefined
    : {
        // The entry point the root .env names (as for every spec that starts its own server).
        command: `node --conditions=@tengen/source ${JSON.stringify(serverMain())}`,
        cwd: root,
        url: `${baseURL}/healthz`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DB_FILE: join(process.env['E2E_DB_DIR'], 'e2e.db'),
          CLIENT_DIR: join(root, 'dist', 'apps', 'client'),
          LOG_LEVEL: 'warn',
          DRAIN_SECONDS: '1',
          METRICS_PORT: '0',
          // Each browser context sends its own X-Forwarded-For (fixtures.ts): one network per player.
          TRUSTED_PROXY_HOPS: '1',
        },
      },
});
