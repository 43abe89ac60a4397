// Issue 10 part 6: every screen passes axe-core with no serious or critical violation, has one h1 and
// a main landmark, and the HUD's live region is quiet during the title demo and speaks only line
// clears, level-ups and the end of a game. Screens are visited in one page where the flow allows.
import AxeBuilder from '@axe-core/playwright';
import { devices, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { storeBotGame } from './boards-helpers.ts';
import { dropUntilOver, hud, uniqueName } from './helpers.ts';

/** axe on the page as it is: WCAG 2.x A/AA plus best practices, label-content-name-mismatch included. */
async function audit(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(bad, `axe on ${screen}`).toEqual([]);
  await expect.soft(page.locator('h1'), `${screen}: one h1`).toHaveCount(1);
  await expect.soft(page.getByRole('main'), `${screen}: a main landmark`).toHaveCount(1);
}

test.describe('accessibility', () => {
  test.setTimeout(150_000);

  test('menu, controls, level select, solo game, game over, name entry, scoreboard, duo lobby and waiting, live, watch', async ({
    page,
    newPlayer,
    consoleErrors,
  }) => {
    // Someone else's solo game, for the Live page and the watch screen (started now, used later).
    const other = await newPlayer();
    const otherStarted = other.page.goto('/solo?level=0');
    await page.goto('/');
    await otherStarted;
    await expect(page.getByTestId('menu-solo')).toBeVisible();
    await expect(page).toHaveTitle('Tengen Tetris');
    await audit(page, 'menu');
    // The title demo plays on behind the menu and the Controls screen; the live region says nothing.
    await expect(hud(page, 'phase')).toHaveText('DEMO');
    await expect(page.getByTestId('hud-who')).toHaveText('Demo');
    await expect(page.getByTestId('hud')).not.toHaveAttribute('aria-live');
    await page.evaluate(() => {
      const w = window as unknown as { __spoken: number };
      w.__spoken = 0;
      new MutationObserver(() => w.__spoken++).observe(document.getElementById('announce')!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const demoFrom = Number(await hud(page, 'score').textContent());

    await page.getByTestId('menu-controls').click();
    await expect(page.getByTestId('controls')).toBeVisible();
    await audit(page, 'controls');

    await expect
      .poll(() => hud(page, 'score').textContent().then(Number), { timeout: 20_000 })
      .toBeGreaterThan(demoFrom);
    expect(await page.evaluate(() => (window as unknown as { __spoken: number }).__spoken)).toBe(0);
    await expect(page.getByTestId('announce')).toHaveText('');

    await page.getByTestId('controls-back').click();
    await page.getByTestId('menu-solo').click();
    await expect(page.getByRole('button', { name: '19', exact: true })).toBeVisible();
    await audit(page, 'level select');

    await page.getByRole('button', { name: '19', exact: true }).click();
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await audit(page, 'solo game');

    await expect(page.getByTestId('hud-who')).toHaveText('You');
    await expect(page).toHaveTitle('Solo · Tengen Tetris');
    await dropUntilOver(page);
    await expect(page.getByTestId('final-score')).toBeVisible({ timeout: 15_000 });
    const score = await page.getByTestId('final-score').textContent();
    await expect(page.getByTestId('announce')).toHaveText(`Game over. Score ${score}.`);
    await audit(page, 'game over');

    await page.getByRole('button', { name: 'Submit and try again' }).click();
    const name = page.getByLabel('Your name');
    await expect(name).toBeVisible();
    // A long paste is kept whole and counted, not cut silently to the limit.
    await name.fill('x'.repeat(200));
    await expect(name).toHaveValue('x'.repeat(200));
    await expect(page.getByTestId('name-count')).toHaveText('200 of 16 characters');
    await expect(page.getByTestId('name-error')).toHaveText('name is longer than 16 characters');
    await name.fill('Ada Lovelace');
    await expect(page.getByTestId('name-count')).toHaveText('12 of 16 characters');
    await audit(page, 'name entry');

    await page.getByRole('link', { name: 'Scoreboard' }).click();
    await expect(page.getByTestId('scoreboard')).toBeVisible();
    await audit(page, 'scoreboard');

    await page.getByRole('link', { name: 'Duo', exact: true }).click();
    await expect(page.getByTestId('create-room')).toBeVisible();
    await audit(page, 'duo lobby');
    await page.getByTestId('create-room').click();
    await expect(page.getByTestId('room-code-display')).toBeVisible();
    await audit(page, 'duo waiting');

    await expect(hud(other.page, 'phase')).toHaveText('PLAYING');
    await page.getByRole('link', { name: 'Live', exact: true }).click();
    const watch = page.getByRole('link', { name: /Watch this solo game/ }).first();
    await expect(watch).toBeVisible();
    await audit(page, 'live');
    await watch.click();
    await expect(page.getByTestId('watch-status')).toBeVisible();

    await expect(page.getByTestId('hud-who')).not.toHaveText('You');
    await audit(page, 'watch');

    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    // The one expected console line: the browser reports the 404 it was sent.
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/404/.test(e)));
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page).toHaveTitle('Page not found · Tengen Tetris');
    await audit(page, 'not found');
  });

  test('a phone: the solo game with its touch pad', async ({ browser }) => {
    const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
    const phone = await browser.newContext(pixel);
    const page = await phone.newPage();
    await page.goto('/solo?level=0');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await expect(page.getByTestId('touch-a')).toBeVisible();
    await expect(page.getByRole('main').getByTestId('touch-controls')).toBeVisible();
    await audit(page, 'phone solo game');
    await phone.close();
  });

  test('a player page with its statistics, a stored replay in the theater, and opening a file', async ({
    page,
    baseURL,
  }) => {
    const name = uniqueName('Axe');
    const game = await storeBotGame(baseURL!, name, 19);
    await page.goto(`/player/${encodeURIComponent(name)}`);
    await expect(page.getByTestId('player-recent').getByTestId('game-stats')).toBeVisible();
    await audit(page, 'player page');

    await page.getByTestId('player-recent-row').getByRole('button', { name: /Watch/ }).click();
    await expect(page).toHaveURL(`/replay/${game.replayId}`);
    await expect(page.getByTestId('theater-stats').getByTestId('stat-ppm')).toBeVisible();
    await audit(page, 'replay theater');

    await page.goto('/replay');
    await expect(page.getByTestId('theater-file')).toBeAttached();
    await audit(page, 'open a replay file');

    await page.goto('/solo?level=0');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    const toggle = page.getByTestId('hud-stats-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(page.getByTestId('hud-stats').getByTestId('stat-ppm')).toBeVisible();
    await audit(page, 'solo game with the statistics shown');
  });
});
