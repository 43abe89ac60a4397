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
  await page.getByRole('button', { name: String(level).padStart(2, '0'), exact: true }).click();
  await expect(hud(page, 'phase')).toHaveText('PLAYING');
}

/**
 * Soft-drops piece after piece until the game is over. Down is pressed afresh for each piece: the
 * NES only starts a soft drop on a new press, so holding it through a spawn would not drop the next.
 */
export async function dropUntilOver(page: Page, timeout = 60_000): Promise<void> {
  const phase = hud(page, 'phase');
  await dropUntil(
    page,
    async () => (await phase.textContent()) === 'GAME OVER',
    'no top-out',
    timeout,
  );
}

/**
 * Soft-drops piece after piece (Down held 400 ms, then released: the NES drops a new piece only on a
 * new press) until `done` says so. One drop may score nothing (a piece already landing), so a test
 * that needs points keeps dropping rather than pressing once.
 */
export async function dropUntil(
  page: Page,
  done: () => Promise<boolean>,
  what: string,
  timeout = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeout} ms`);
    await page.keyboard.down('ArrowDown');
    await page.waitForTimeout(400);
    await page.keyboard.up('ArrowDown');
    await page.waitForTimeout(20);
  }
}

/** A scoreboard name unique to this run. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36).slice(-6)}`;
}
