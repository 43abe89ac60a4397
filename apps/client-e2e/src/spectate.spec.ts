import type { APIRequestContext, Page } from '@playwright/test';
import type { LiveResponse } from '@tengen/protocol';
import { pickLevel, quickMatch } from './duo-helpers.ts';
import { expect, test } from './fixtures.ts';
import { dropUntilOver, hud, startSolo, well } from './helpers.ts';

/** The room a page plays in (its URL carries it: `/solo/ROOMID`), once `/api/live` lists it. */
async function listedRoomOf(page: Page, request: APIRequestContext): Promise<string> {
  await expect(page).toHaveURL(/\/solo\/[A-Za-z0-9_-]+$/);
  const roomId = new URL(page.url()).pathname.split('/').pop()!;
  await expect
    .poll(async () => {
      const body = (await (await request.get('/api/live')).json()) as LiveResponse;
      return body.games.some((g) => g.roomId === roomId);
    })
    .toBe(true);
  return roomId;
}

test.describe('spectators', () => {
  // Two or three browsers and a game played to its top-out: slow on a loaded machine.
  test.setTimeout(180_000);

  test('the Live page lists a duo game; its Watch link shows both boards mid-game; players see "1 watching"', async ({
    newPlayer,
  }) => {
    const a = (await newPlayer()).page;
    const b = (await newPlayer()).page;
    await quickMatch(a, b);
    await pickLevel(a, 18);
    await pickLevel(b, 2);
    await expect(hud(a, 'phase')).toHaveText('PLAYING');
    await expect(hud(b, 'phase')).toHaveText('PLAYING');
    // A's game ends (its board no longer changes); B plays on.
    await dropUntilOver(a);

    const s = (await newPlayer()).page;
    await s.goto('/');
    await s.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Live' }).click();
    const table = s.getByRole('table', { name: /Games being played now/ });
    await expect(table.getByRole('columnheader', { name: 'Score' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Watching' })).toBeVisible();
    // Levels 18 and 2 tell this game from any other still listed.
    const row = table
      .getByRole('row')
      .filter({ has: s.getByRole('rowheader', { name: 'Duo' }) })
      .filter({ has: s.getByRole('cell', { name: '18 vs 2', exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').first()).toHaveText('Player vs Player');
    await row.getByRole('link', { name: /Watch this duo game/ }).click();

    await expect(s).toHaveURL(/\/watch\/[A-Za-z0-9_-]+$/);
    await expect(hud(s, 'phase')).toHaveText('GAME OVER');
    await expect(hud(s, 'phase', 'opp')).toHaveText('PLAYING');
    await expect(hud(s, 'level', 'opp')).toHaveText('2');
    await expect.poll(() => well(s)).toBe(await well(a));
    await expect(hud(s, 'score')).toHaveText((await hud(a, 'score').textContent())!);
    await expect(s.getByTestId('watch-status')).toContainText('1 watching');

    await expect(a.getByTestId('watching')).toHaveText('1 watching');
    await expect(b.getByTestId('watching')).toHaveText('1 watching');
    // The spectator's keys move nothing.
    await s.keyboard.press('Space');
    await s.keyboard.press('ArrowLeft');
    await expect(hud(b, 'phase')).toHaveText('PLAYING');

    // The spectator leaves: the count goes away.
    await s.goto('/');
    await expect(a.getByTestId('watching')).toBeHidden();
    await expect(b.getByTestId('watching')).toBeHidden();
  });

  test('a finished game says so; a room that is gone too', async ({
    page,
    newPlayer,
    request,
    consoleErrors,
  }) => {
    await startSolo(page, 19);
    const roomId = await listedRoomOf(page, request);
    await dropUntilOver(page);
    const score = (await hud(page, 'score').textContent())!;

    // The player still looks at the game-over screen: the spectator sees the final board.
    const s = (await newPlayer()).page;
    await s.goto(`/watch/${roomId}`);
    await expect(s.getByTestId('watch-status')).toHaveText(
      `This game is over. Final score: ${score}. 1 watching.`,
    );
    await expect(hud(s, 'phase')).toHaveText('GAME OVER');
    await expect.poll(() => well(s)).toBe(await well(page));

    // The player leaves: the spectator is told the game has ended.
    await page.getByRole('link', { name: /TENGEN/ }).click();
    await expect(s.getByTestId('watch-status')).toHaveText(
      'The game has ended: the players have left.',
    );

    // Later visitors of the link learn that there is nothing to watch.
    const late = (await newPlayer()).page;
    await late.goto(`/watch/${roomId}`);
    await expect(late.getByTestId('watch-status')).toHaveText(
      'This game is over, or the link is wrong: there is nothing to watch here.',
    );
    await late.getByTestId('watch-live').click();
    await expect(late.getByRole('table', { name: /Games being played now/ })).toBeVisible();
    // The browser logs the refused watch request (HTTP 404) as a failed load: expected here.
    const rest = consoleErrors.filter((e) => !/status of 404/.test(e));
    consoleErrors.splice(0, consoleErrors.length, ...rest);
  });
});
