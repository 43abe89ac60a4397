import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** The middle value of `xs` (the upper one of an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Headless Chromium for the client benchmarks: `CHROMIUM_PATH`, the system's, or Playwright's. */
export async function launch(): Promise<Browser> {
  const executablePath =
    process.env['CHROMIUM_PATH'] ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
