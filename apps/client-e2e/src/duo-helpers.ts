import type { Page } from '@playwright/test';
import { expect, type Player } from './fixtures.ts';
import { dropUntilOver, hud } from './helpers.ts';

/** Clicks level `level` on the level grid. */
export async function pickLevel(page: Page, level: number): Promise<void> {
  await page.getByRole('button', { name: String(level).padStart(2, '0'), exact: true }).click();
}

/** A creates a private room, B opens the invite link; both see the level grid. Returns link and code. */
export async function privateRoom(a: Page, b: Page): Promise<{ link: string; code: string }> {
  await a.goto('/duo');
  await a.getByRole('button', { name: 'Create private room' }).click();
  const link = await a.getByTestId('invite-link').inputValue();
  const code = (await a.getByTestId('room-code-display').textContent()) ?? '';
  await expect(a).toHaveURL(new RegExp(`/duo/${code}$`));
  await b.goto(link);
  await expect(a.getByTestId('level-grid')).toBeVisible();
  await expect(b.getByTestId('level-grid')).toBeVisible();
  return { link, code };
}

/** A asks for a quick match and is told to wait; B asks and is paired with A; both see the level grid. */
export async function quickMatch(a: Page, b: Page): Promise<void> {
  await a.goto('/duo');
  await a.getByRole('button', { name: 'Quick match' }).click();
  await expect(a.getByText('Please wait while we find you another player')).toBeVisible();
  await b.goto('/duo');
  await b.getByRole('button', { name: 'Quick match' }).click();
  await expect(a.getByTestId('level-grid')).toBeVisible();
  await expect(b.getByTestId('level-grid')).toBeVisible();
}

/**
 * A private room for two players (A hosts, B follows the invite link), both playing. A starts at
 * level 15, where a soft drop (a row every 2 frames) outruns gravity (every 4), so each drop that
 * lands scores; at level 19 both move a row every 2 frames and a soft-dropped game can score 0.
 */
export async function startPair(
  newPlayer: () => Promise<Player>,
  levels: [number, number] = [15, 19],
): Promise<[Page, Page]> {
  const a = (await newPlayer()).page;
  const b = (await newPlayer()).page;
  await privateRoom(a, b);
  await pickLevel(a, levels[0]);
  await pickLevel(b, levels[1]);
  for (const p of [a, b]) await expect(hud(p, 'phase')).toHaveText('PLAYING');
  return [a, b];
}

/**
 * A soft-drops every piece (points for each drop) until it tops out; B touches nothing and tops out
 * with 0 at level 19 in about 8 s. A wins either way: on both scores, or the moment B is over.
 */
export async function aWinsGame(a: Page, b: Page): Promise<string> {
  await dropUntilOver(a);
  await expect(hud(b, 'phase')).toHaveText('GAME OVER', { timeout: 30_000 });
  const score = Number(await a.getByTestId('final-score').textContent());
  expect(score).toBeGreaterThan(0);
  return score.toLocaleString('en-US');
}
