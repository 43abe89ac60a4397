import { expect, test } from './fixtures.ts';
import { dropUntilOver, hud, startSolo, uniqueName } from './helpers.ts';

test.describe('solo', () => {
  test('menu to top-out, submit, scoreboard shows the verified score, replay plays it', async ({
    page,
  }) => {
    await startSolo(page, 19);
    await expect(hud(page, 'level')).toHaveText('19');
    await dropUntilOver(page);

    const final = page.getByTestId('final-score');
    await expect(final).toBeVisible({ timeout: 15_000 });
    // Soft-drop points make most level-19 games score a little, but 0 is a legitimate result too.
    const score = Number(await final.textContent());
    expect(Number.isInteger(score) && score >= 0).toBe(true);
    await expect(hud(page, 'score')).toHaveText(String(score));

    const name = uniqueName('solo');
    await page.getByRole('button', { name: 'Submit and try again' }).click();
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page.getByTestId('notice-submitted')).toContainText(`${name} scored ${score}`);
    // "Submit and try again": a new game is running.
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await expect(hud(page, 'score')).toHaveText('0');

    // Leaving the new game asks first (small-things.spec.ts); here the player confirms.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Scoreboard' }).click();
    const row = page
      .getByTestId('score-row-solo')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row.getByTestId('score-value')).toHaveText(String(score));

    await row.getByRole('button', { name: /Watch/ }).click();
    await expect(page).toHaveURL(/\/replay\/[a-z2-9]{12}$/);
    await expect(hud(page, 'phase')).toHaveText('REPLAY');
    await expect(page.getByTestId('theater-verified')).toContainText(
      `score ${score.toLocaleString('en-US')}, 0 lines, level 19`,
    );
    await page.keyboard.press('End');
    await expect(hud(page, 'score')).toHaveText(String(score));
  });

  test('pause hides the board and Space resumes', async ({ page }) => {
    await startSolo(page, 0);
    await page.keyboard.press('Space');
    await expect(hud(page, 'phase')).toHaveText('PAUSED');
    await expect(hud(page, 'next')).toHaveText('-');
    await page.keyboard.press('Space');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
  });

  test('a deep link starts at a level; without a server the game runs offline and cannot be submitted', async ({
    page,
    consoleErrors,
  }) => {
    await page.route('**/matchmake/**', (route) => route.abort('connectionrefused'));
    await page.goto('/solo?level=19');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await expect(page.getByTestId('notice-offline')).toContainText('Playing offline');
    // The refused matchmaking request is the one expected network error.
    consoleErrors.length = 0;
    await dropUntilOver(page);
    await expect(page.getByRole('button', { name: 'Submit and try again' })).toBeDisabled({
      timeout: 15_000,
    });
    await page.getByRole('button', { name: 'Try again', exact: true }).click();
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
  });

  test('a dropped connection shows the reconnect banner, resumes, and the game still verifies', async ({
    page,
    context,
    consoleErrors,
  }) => {
    await startSolo(page, 0);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(1500);
    await context.setOffline(true);
    await expect(page.getByTestId('notice-connection')).toHaveText(
      'Connection lost. Reconnecting…',
    );
    // The game goes on locally while the network is away.
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(1500);
    await context.setOffline(false);
    await expect(page.getByTestId('notice-connection')).toHaveText('Reconnected.', {
      timeout: 20_000,
    });
    // The SDK logs each failed reconnection attempt; those are expected here.
    const rest = consoleErrors.filter((e) => !/WebSocket connection to .* failed/.test(e));
    consoleErrors.splice(0, consoleErrors.length, ...rest);

    await dropUntilOver(page, 90_000);
    const score = Number(await page.getByTestId('final-score').textContent());
    await page.getByRole('button', { name: 'Submit and try again' }).click();
    const name = uniqueName('recon');
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page.getByTestId('notice-submitted')).toContainText(`${name} scored ${score}`);
  });
});

test.describe('solo in the background', () => {
  test('a game pauses when its page is hidden (the browser stops its frames; real time goes on)', async ({
    page,
  }) => {
    await startSolo(page, 0);
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(hud(page, 'phase')).toHaveText('PAUSED');
    // Shown again: it stays paused until the player resumes.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(hud(page, 'phase')).toHaveText('PAUSED');
    await page.keyboard.press('Space');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
  });
});
