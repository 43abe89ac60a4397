// More of "notices never move the boards" (issue 9, part 5): what appears during a duo game besides
// the opponent's top-out, a reconnection and a restart (layout.spec.ts): the spectator count (in the
// top bar, where "1 watching" used to wrap the bar onto two lines on a phone and push both wells
// 16 px down), the early result and the opponent's rematch request.
import { expect, test } from './fixtures.ts';
import { dropUntil, dropUntilOver } from './helpers.ts';
import { phoneContext, settledWells, startDuo, watchErrors, wells } from './layout-helpers.ts';

test('the spectator count, the result and a rematch request never move the boards', async ({
  browser,
  newPlayer,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  const phone = await phoneContext(browser, { width: 390, height: 844 });
  try {
    const a = (await newPlayer()).page;
    await a.setViewportSize({ width: 1280, height: 800 });
    const b = await phone.newPage();
    watchErrors(b, consoleErrors);
    // A at level 0 plays on for minutes; B at level 19 tops out in seconds.
    await startDuo(a, b, '', [0, 19]);
    const code = /\/duo\/([A-Za-z0-9]+)$/.exec(a.url())?.[1];
    expect(code).toBeTruthy();
    const before = { a: await settledWells(a), b: await settledWells(b) };
    const same = async (what: string): Promise<void> => {
      expect(await wells(a), `desktop after ${what}`).toEqual(before.a);
      expect(await wells(b), `phone after ${what}`).toEqual(before.b);
    };

    const s = (await newPlayer()).page;
    await s.goto(`/watch/${code}`);
    await expect(a.getByTestId('watching')).toHaveText('1 watching');
    await expect(b.getByTestId('watching')).toHaveText('1 watching');
    await same('a spectator came');

    await dropUntilOver(b);
    await expect(b.getByTestId('game-over')).toBeVisible();
    // A soft-drops until its points pass B's (one drop may score nothing): A has won and plays on.
    const result = a.getByTestId('notice-result');
    await dropUntil(
      a,
      async () =>
        (await result.count()) > 0 && ((await result.textContent()) ?? '').includes('You win'),
      'no early win',
    );
    await same('the result');

    // (Named "Rematch" or "Skip score, rematch": a busy phone may have run its game unranked.)
    await b.getByTestId('rematch').click();
    await expect(a.getByTestId('notice-rematch')).toHaveText(
      'Your opponent wants a rematch after your game.',
    );
    await same('a rematch request');

    await s.goto('/');
    await expect(a.getByTestId('watching')).toBeHidden();
    await same('the spectator left');
  } finally {
    await phone.close();
  }
});
