import { existsSync } from 'node:fs';

/**
 * The system Chromium builds, lightest first. Debian's `chromium-headless-shell` is Chromium's
 * headless shell, the build Playwright itself runs for headless tests: no browser UI. The full
 * `chromium` in its headless mode still builds a window's browser UI for every browser context (a
 * WebUI renderer for the omnibox popup among them): measured here, opening 4 contexts cost 11.8 s
 * of CPU with it and 1.6 s with the shell (apps/client-e2e/README.md).
 */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

/**
 * Launch options for headless Chromium in the e2e suite and the client benches: `CHROMIUM_PATH`,
 * else the first of `SYSTEM_CHROMIUMS` installed (this machine, CI), else Playwright's own (no
 * `executablePath`). Chromium is kept from its background connections, which a closed network refuses.
 */
export function chromiumLaunchOptions(
  extraArgs: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  installed: (path: string) => boolean = existsSync,
): { executablePath?: string; args: string[] } {
  const executablePath = env['CHROMIUM_PATH'] || SYSTEM_CHROMIUMS.find((path) => installed(path));
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  };
}
