import { expect, test } from './fixtures.ts';
import { hud } from './helpers.ts';

test('touch controls show on a phone and play the game', async ({ page }) => {
  await page.goto('/solo?level=0');
  await expect(page.getByTestId('touch-controls')).toBeVisible();
  await expect(hud(page, 'phase')).toHaveText('PLAYING');
  // The canvas fits the portrait screen.
  const box = await page.locator('canvas').boundingBox();
  const vp = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, JSON.stringify({ box, vp })).toBeLessThanOrEqual(vp.width + 1);
  await page.getByTestId('touch-pause').tap();
  await expect(hud(page, 'phase')).toHaveText('PAUSED');
  await page.getByTestId('touch-pause').tap();
  await expect(hud(page, 'phase')).toHaveText('PLAYING');
  await page.getByTestId('touch-down').dispatchEvent('pointerdown');
  await expect(hud(page, 'score')).not.toHaveText('0', { timeout: 20_000 });
  await page.getByTestId('touch-down').dispatchEvent('pointerup');
});

test('no touch pad on a desktop-style pointer', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: false,
    isMobile: false,
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Solo', exact: true })).toBeVisible();
  await expect(page.getByTestId('touch-controls')).toBeHidden();
  await context.close();
});
