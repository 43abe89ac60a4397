import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '@tengen/test-kit';

/** The middle value of `xs` (the upper one of an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Headless Chromium for the client benchmarks: `CHROMIUM_PATH`, the system's, or Playwright's. */
export async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}
