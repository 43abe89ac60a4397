import { expect, test } from './fixtures.ts';
import { hud } from './helpers.ts';

test.describe('controls', () => {
  test('a rebinding survives a reload and drives the game', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Controls' }).click();
    await expect(page.getByTestId('binding-pause')).toHaveText('Space / P');
    await page.getByTestId('rebind-pause').click();
    await page.keyboard.press('KeyP');
    await expect(page.getByTestId('binding-pause')).toHaveText('P / Space');
    await expect(page.getByTestId('controls-status')).toContainText('Saved');

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

  test('a standard-mapping gamepad drives the menus and the game', async ({ page }) => {
    await page.addInitScript(() => {
      const state = { buttons: Array<boolean>(17).fill(false), axes: [0, 0, 0, 0] };
      (window as unknown as { __pad: typeof state }).__pad = state;
      const pad = () => ({
        id: 'e2e pad',
        index: 0,
        connected: true,
        mapping: 'standard',
        timestamp: performance.now(),
        axes: state.axes,
        buttons: state.buttons.map((pressed) => ({
          pressed,
          touched: pressed,
          value: pressed ? 1 : 0,
        })),
      });
      Object.defineProperty(navigator, 'getGamepads', { value: () => [pad(), null, null, null] });
    });
    const tap = async (button: number): Promise<void> => {
      await page.evaluate(
        (b) => ((window as unknown as { __pad: { buttons: boolean[] } }).__pad.buttons[b] = true),
        button,
      );
      await page.waitForTimeout(150);
      await page.evaluate(
        (b) => ((window as unknown as { __pad: { buttons: boolean[] } }).__pad.buttons[b] = false),
        button,
      );
      await page.waitForTimeout(150);
    };
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Solo', exact: true })).toBeFocused();
    await tap(9); // Start on the title opens Solo
    await expect(page.getByTestId('level-grid')).toBeVisible();
    await tap(15); // d-pad right, twice
    await tap(15);
    await expect(page.getByRole('button', { name: '02', exact: true })).toBeFocused();
    await tap(0); // A picks
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    await expect(hud(page, 'level')).toHaveText('2');
    await tap(9); // Start pauses
    await expect(hud(page, 'phase')).toHaveText('PAUSED');
  });
});
