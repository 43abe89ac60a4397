import { expect, type Page } from '@playwright/test';

type HudField = 'score' | 'lines' | 'level' | 'next' | 'phase';

/** The HUD mirror's text for the player (`hud`) or the opponent (`opp`). */
export function hud(page: Page, field: HudField, who: 'hud' | 'opp' = 'hud') {
  return page.getByTestId(`${who}-${field}`);
}

/** The packed well (200 digits) the HUD mirror publishes for a player. */
export async function well(page: Page, who: 'hud' | 'opp' = 'hud'): Promise<string> {
  return (await page.getByTestId(`${who}-group`).getAttribute('data-well')) ?? '';
}

/** From the title menu: Solo, then a start level. */
export async function startSolo(page: Page, level: number): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Solo', exact: true }).click();
  await page.getByRole('button', { name: `Level ${level}`, exact: true }).click();
  await expect(hud(page, 'phase')).toHaveText('PLAYING');
}

/** Holds soft drop until the game is over (fast at level 19). */
export async function dropUntilOver(page: Page, timeout = 60_000): Promise<void> {
  await page.keyboard.down('ArrowDown');
  try {
    await expect(hud(page, 'phase')).toHaveText('GAME OVER', { timeout });
  } finally {
    await page.keyboard.up('ArrowDown');
  }
}

/** A scoreboard name unique to this run. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36).slice(-6)}`;
}
