import { expect, test } from './fixtures.ts';
import { hud } from './helpers.ts';

test.describe('controls', () => {
  test('a rebinding survives a reload and drives the game', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Controls' }).click();
    await expect(page.getByTestId('binding-pause')).toHaveText('Space');
    await page.getByTestId('rebind-pause').click();
    await page.keyboard.press('KeyP');
    await expect(page.getByTestId('binding-pause')).toHaveText('P / Space');
    await expect(page.getByTestId('controls-status')).toContainText('saved');

    await page.reload();
    await page.getByRole('button', { name: 'Controls' }).click();
    await expect(page.getByTestId('binding-pause')).toHaveText('P / Space');

    await page.goto('/solo?level=0');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await page.keyboard.press('KeyP');
    await expect(hud(page, 'phase')).toHaveText('PAUSED');
  });

  test('bad stored bindings fall back to the defaults', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('tengen.bindings.v1', '{"left":42'));
    await page.goto('/');
    await page.getByRole('button', { name: 'Controls' }).click();
    await expect(page.getByTestId('binding-left')).toHaveText('← / A');
    await page.getByTestId('controls-reset').click();
    await expect(page.getByTestId('controls-status')).toHaveText('Defaults restored.');
  });

  test('mute is remembered', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('mute').click();
    await expect(page.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(page.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
  });
});
