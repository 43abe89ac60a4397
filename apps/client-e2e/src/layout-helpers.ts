import type { ChildProcess } from 'node:child_process';
import { spawnServer } from '@tengen/test-kit';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** A box on the page. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the renderer drew a player's well (the invisible `well-you` / `well-opp` boxes). */
export async function wellBox(page: Page, who: 'you' | 'opp'): Promise<Box> {
  const box = await page.getByTestId(`well-${who}`).boundingBox();
  if (box === null) throw new Error(`no well-${who} box`);
  return box;
}

/** Both wells' boxes. */
export async function wells(page: Page): Promise<{ you: Box; opp: Box }> {
  return { you: await wellBox(page, 'you'), opp: await wellBox(page, 'opp') };
}

/** True when two boxes share any area. */
export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A phone browser (touch, mobile viewport) of the given size. */
export async function phoneContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
  return browser.newContext({ ...pixel, viewport, screen: viewport });
}

/** Errors on a page, for the test to assert empty. */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}

/** A creates a private room, B joins by its link, both pick a level: both games run. */
export async function startDuo(a: Page, b: Page, base = '', levels = [0, 19]): Promise<void> {
  await a.goto(`${base}/duo`);
  await a.getByRole('button', { name: 'Create private room' }).click();
  const link = await a.getByTestId('invite-link').inputValue();
  await b.goto(base ? link.replace(/^https?:\/\/[^/]+/, base) : link);
  for (const [p, level] of [
    [a, levels[0]!],
    [b, levels[1]!],
  ] as const) {
    await expect(p.getByTestId('level-grid')).toBeVisible();
    // Every level is on show: the panel (in duo, your side only) does not cut off a column.
    const cut = await p.getByTestId('level-grid').evaluate((grid) => {
      const panel = grid.closest('.panel')!.getBoundingClientRect();
      return Array.from(grid.querySelectorAll('button'))
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < panel.left || r.right > panel.right;
        })
        .map((b) => b.textContent);
    });
    expect(cut, 'level buttons outside the panel').toEqual([]);
    await p.getByRole('button', { name: String(level).padStart(2, '0'), exact: true }).click();
  }
  await expect(a.getByTestId('hud-phase')).toHaveText('PLAYING');
  await expect(b.getByTestId('hud-phase')).toHaveText('PLAYING');
}

/** Waits until the layout has settled (two frames with the same boxes) and returns the boxes. */
export async function settledWells(page: Page): Promise<{ you: Box; opp: Box }> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await wells(page));
    if (now === last) return JSON.parse(now) as { you: Box; opp: Box };
    last = now;
    await page.waitForTimeout(150);
  }
  throw new Error('the wells never stopped moving');
}

/** A second server process of our own (to restart it), serving the built client. */
export interface OwnServer {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `apps/server/src/main.ts` on a free port (as the Playwright config does for the main one). */
export async function ownServer(env: Record<string, string>): Promise<OwnServer> {
  const root = join(import.meta.dirname, '..', '..', '..');
  const server = await spawnServer({
    PORT: '0',
    DB_FILE: join(mkdtempSync(join(tmpdir(), 'tengen-layout-')), 'e2e.db'),
    CLIENT_DIR: join(root, 'dist', 'apps', 'client'),
    ...env,
  });
  return {
    url: server.url,
    proc: server.proc,
    stop: async () => {
      const { proc } = server;
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await server.exited;
    },
  };
}
