import type { Page } from '@playwright/test';
import { expect, type Player } from './fixtures.ts';
import { dropUntilOver, hud } from './helpers.ts';

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
  await a.goto('/duo');
  await a.getByRole('button', { name: 'Create private room' }).click();
  await b.goto(await a.getByTestId('invite-link').inputValue());
  for (const [i, p] of [a, b].entries())
    await p.getByRole('button', { name: String(levels[i]).padStart(2, '0'), exact: true }).click();
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
