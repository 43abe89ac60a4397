// Issue 10 part 8: Escape and P pause, leaving a running game asks first (and pauses), rebinding
// refuses reserved keys and says what it swapped, and the title's key hints follow the bindings.
import type { Dialog } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hud, startSolo } from './helpers.ts';

test.describe('the small things', () => {
  test.setTimeout(60_000);

  test('rebinding: reserved keys refused, swaps spelled out, hints follow', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('key-hints')).toHaveText(
      '← / A and → / D move · ↑ / X / W and Z rotate · ↓ / S drops · Space / P or Esc pauses',
    );
    await page.getByTestId('menu-controls').click();
    const status = page.getByTestId('controls-status');
    await page.getByTestId('rebind-rotateCw').click();
    await page.keyboard.press('Tab');
    await expect(status).toHaveText(
      'Tab is kept for the browser and keyboard navigation; choose another key.',
    );
    await expect(page.getByTestId('binding-rotateCw')).toHaveText('↑ / X / W');

    await page.getByTestId('rebind-rotateCw').click();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(
      'Rotate clockwise (A): Enter. Enter no longer does “Select / start”. “Select / start” moved to ↑. Saved.',
    );
    await expect(page.getByTestId('binding-select')).toHaveText('↑');
    await page.getByTestId('controls-back').click();
    await expect(page.getByTestId('key-hints')).toHaveText(
      '← / A and → / D move · Enter / X / W and Z rotate · ↓ / S drops · Space / P or Esc pauses',
    );
  });

  test('Escape and P pause; a header link or Back asks before leaving, with the game paused', async ({
    page,
  }) => {
    // Through the menu, so Back has an in-app page behind the game.
    await startSolo(page, 0);
    const phase = hud(page, 'phase');
    for (const key of ['Escape', 'KeyP']) {
      await page.keyboard.press(key);
      await expect(phase, key).toHaveText('PAUSED');
      await page.keyboard.press(key);
      await expect(phase, key).toHaveText('PLAYING');
    }
    const gameUrl = page.url();

    const questions: string[] = [];
    const answer = (accept: boolean) => (d: Dialog) => {
      questions.push(d.message());
      void (accept ? d.accept() : d.dismiss());
    };
    page.once('dialog', answer(false));
    await page.getByRole('link', { name: 'Scoreboard' }).click();
    await expect(phase).toHaveText('PAUSED');
    expect(page.url()).toBe(gameUrl);
    expect(questions).toEqual([
      'Leave this game? It ends here and cannot be submitted. Cancel to stay: the game is paused.',
    ]);

    await page.keyboard.press('KeyP');
    await expect(phase).toHaveText('PLAYING');
    page.once('dialog', answer(false));
    await page.goBack();
    await expect(phase).toHaveText('PAUSED');
    await expect.poll(() => page.url()).toBe(gameUrl);
    expect(questions).toHaveLength(2);

    page.once('dialog', answer(true));
    await page.getByRole('link', { name: 'Scoreboard' }).click();
    await expect(page).toHaveURL(/\/scoreboard$/);
    await expect(page).toHaveTitle('Scoreboard · Tengen Tetris');
  });
});
