// Takes docs/images/game.png (a solo game in play) and docs/images/scoreboard.png (a board of
// several names) from the real server and client. Run by `npx nx run client-e2e:screenshots`.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { storeBotGame } from '../src/boards-helpers.ts';

const IMAGES = join(import.meta.dirname, '..', '..', '..', 'docs', 'images');

/** Names and how long their bot plays (frames) before it stops and tops out. */
const SEED: [string, number, number][] = [
  ['Ann', 18, 2400],
  ['Bokuden', 18, 1800],
  ['Cyril', 19, 1500],
  ['Dee', 18, 1200],
  ['Eun-ji', 19, 900],
  ['Farid', 18, 600],
  ['Gus', 19, 300],
];

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  await Promise.all(
    SEED.map(([name, level, frames]) => storeBotGame(baseURL!, name, level, undefined, frames)),
  );
});

test('the scoreboard with several names', async ({ page }) => {
  await page.goto('/scoreboard');
  await expect(page.getByTestId('score-row-solo')).toHaveCount(SEED.length);
  await page.screenshot({ path: join(IMAGES, 'scoreboard.png') });
});

/** A key held long enough for a frame to see it, then released long enough to press it again. */
async function tap(page: Page, key: string): Promise<void> {
  await page.keyboard.down(key);
  await page.waitForTimeout(60);
  await page.keyboard.up(key);
  await page.waitForTimeout(60);
}

test('a solo game in play', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Solo', exact: true }).click();
  await page.getByRole('button', { name: '05', exact: true }).click();
  const phase = page.getByTestId('hud-phase');
  await expect(phase).toHaveText('PLAYING');
  const toggle = page.getByTestId('hud-stats-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  // Pieces spread over the well: a few shifts, sometimes a turn, then a soft drop held until the
  // next piece appears (the piece counts change), so every move lands on the piece it was meant for.
  const next = page.getByTestId('hud-stats').getByTestId('stat-pieces');
  const shifts = [-4, 3, -1, 1, -3, 4, 0, -2, 2, -4];
  for (const [i, s] of shifts.entries()) {
    const before = await next.textContent();
    if (i % 3 === 1) await tap(page, 'KeyX');
    for (let k = 0; k < Math.abs(s); k++) await tap(page, s < 0 ? 'ArrowLeft' : 'ArrowRight');
    await page.keyboard.down('ArrowDown');
    await expect(next).not.toHaveText(before ?? '', { timeout: 10_000 });
    await page.keyboard.up('ArrowDown');
  }
  await expect(phase).toHaveText('PLAYING');
  await page.screenshot({ path: join(IMAGES, 'game.png') });
});
