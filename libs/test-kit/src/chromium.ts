import { existsSync } from 'node:fs';

/**
 * Launch options for headless Chromium in the e2e suite and the client benches: `CHROMIUM_PATH`,
 * else the system's `/usr/bin/chromium` (this machine, CI), else Playwright's own (no
 * `executablePath`). Chromium is kept from its background connections, which a closed network refuses.
 */
export function chromiumLaunchOptions(
  extraArgs: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): { executablePath?: string; args: string[] } {
  const executablePath =
    env['CHROMIUM_PATH'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
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
