import { expect, test } from './fixtures.ts';
import { dropUntil, hud, startSolo } from './helpers.ts';

test('the HUD statistics toggle shows Tetris rate, burns, drought and pieces per minute, and is remembered', async ({
  page,
}) => {
  await startSolo(page, 0);
  const toggle = page.getByTestId('hud-stats-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('hud-stats')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const stats = page.getByTestId('hud-stats');
  await expect(stats.getByTestId('stat-trt')).toHaveText('-');
  await expect(stats.getByTestId('stat-burns')).toHaveText('0');
  await expect(stats.getByTestId('stat-ppm')).toHaveText(/^\d+\.\d$/);
  await expect(stats.getByTestId('stat-pieces')).toHaveText(/^T\d+ J\d+ Z\d+ O\d+ S\d+ L\d+ I\d+$/);
  // The keys went back to the game: a soft drop still plays.
  const score = hud(page, 'score');
  await dropUntil(page, async () => (await score.textContent()) !== '0', 'no soft-drop points');

  // Remembered: the next visit shows them at once.
  await startSolo(page, 0);
  await expect(page.getByTestId('hud-stats-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('hud-stats').getByTestId('stat-burns')).toHaveText('0');
});
