import { pickLevel, privateRoom, quickMatch } from './duo-helpers.ts';
import { expect, test } from './fixtures.ts';
import { dropUntilOver, hud, well } from './helpers.ts';

test.describe('duo', () => {
  test('quick match: same pieces, live opponent board and level cursor, shared pause, top-out notice', async ({
    newPlayer,
  }) => {
    const a = (await newPlayer()).page;
    const b = (await newPlayer()).page;
    await quickMatch(a, b);

    // Both choose; B watches A's cursor move live.
    await a.getByRole('button', { name: '00', exact: true }).focus();
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await expect(b.getByTestId('opp-cursor')).toHaveText('Opponent is on level 19.');
    await pickLevel(a, 19);
    await expect(b.getByTestId('opp-cursor')).toHaveText('Opponent picked level 19 and is ready.');
    await pickLevel(b, 0);

    await expect(hud(a, 'phase')).toHaveText('PLAYING');
    await expect(hud(b, 'phase')).toHaveText('PLAYING');
    // Same pieces dealt to both: the same next piece on both screens, and each sees the other's.
    const next = await hud(a, 'next').textContent();
    await expect(hud(b, 'next')).toHaveText(next!);
    await expect(hud(b, 'next', 'opp')).toHaveText(next!);
    await expect(hud(b, 'level', 'opp')).toHaveText('19');

    // A moves its first piece (it waits 96 frames before falling) and pauses: both games pause and
    // B's copy of A's board is A's board.
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('x');
    await a.keyboard.press('Space');
    await expect(hud(a, 'phase')).toHaveText('PAUSED');
    await expect(hud(b, 'phase')).toHaveText('PAUSED');
    await expect(hud(b, 'phase', 'opp')).toHaveText('PAUSED');
    await expect.poll(() => well(b, 'opp')).toBe(await well(a));
    expect(await well(a)).not.toBe('0'.repeat(200));

    // B resumes for both.
    await b.keyboard.press('Space');
    await expect(hud(a, 'phase')).toHaveText('PLAYING');
    await expect(hud(b, 'phase')).toHaveText('PLAYING');

    // A tops out: B is told and sees it.
    await dropUntilOver(a);
    await expect(hud(b, 'phase', 'opp')).toHaveText('GAME OVER');
    await expect(b.getByTestId('notice-opponent')).toContainText('Your opponent topped out');
    await expect(b.getByTestId('opp-status')).toContainText('topped out');
    await expect(hud(b, 'phase')).toHaveText('PLAYING');

    // A's game-over panel follows B live; a rematch is for both (see duo-match.spec.ts).
    await expect(a.getByTestId('opp-result')).toHaveText('Opponent: playing.');
    await expect(a.getByRole('button', { name: 'Try again', exact: true })).toHaveCount(0);
    await expect(a.getByTestId('rematch')).toBeEnabled();
  });

  test('private room by invite link', async ({ newPlayer }) => {
    const a = (await newPlayer()).page;
    const b = (await newPlayer()).page;
    const { link, code } = await privateRoom(a, b);
    expect(link).toMatch(new RegExp(`/duo/${code}$`));
    await pickLevel(a, 5);
    await pickLevel(b, 6);
    await expect(hud(a, 'level', 'opp')).toHaveText('6');
    await expect(hud(b, 'level', 'opp')).toHaveText('5');
  });

  test('unknown and full rooms get clear errors', async ({ newPlayer, consoleErrors }) => {
    // The browser logs the matchmaker's refusals (HTTP 522) as failed loads: expected here.
    const dropRefusals = (): void => {
      const rest = consoleErrors.filter((e) => !/status of 522/.test(e));
      consoleErrors.splice(0, consoleErrors.length, ...rest);
    };
    const a = (await newPlayer()).page;
    await a.goto('/duo/YYYYYYYYYY');
    await expect(a.getByTestId('duo-error')).toContainText('There is no room YYYYYYYYYY');
    dropRefusals();

    // A private room with two players is full for a third.
    const b = (await newPlayer()).page;
    const c = (await newPlayer()).page;
    const { link } = await privateRoom(a, b);
    await c.goto(link);
    await expect(c.getByTestId('duo-error')).toContainText('is full');
    dropRefusals();
  });

  test('cancel while waiting returns to the lobby', async ({ page }) => {
    await page.goto('/duo');
    await page.getByRole('button', { name: 'Quick match' }).click();
    await expect(page.getByText('Please wait while we find you another player')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Quick match' })).toBeVisible();
  });

  test('an unreachable server is explained in the lobby', async ({ page, consoleErrors }) => {
    await page.route('**/matchmake/**', (route) => route.abort('connectionrefused'));
    await page.goto('/duo');
    await page.getByRole('button', { name: 'Quick match' }).click();
    await expect(page.getByTestId('duo-error')).toHaveText(
      'Cannot reach the game server. Check your connection and try again.',
    );
    await expect(page.getByRole('button', { name: 'Quick match' })).toBeVisible();
    consoleErrors.length = 0; // the refused request itself
  });
});
