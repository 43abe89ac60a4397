import { aWinsGame, privateRoom, startPair } from './duo-helpers.ts';
import { expect, test } from './fixtures.ts';
import { hud } from './helpers.ts';

// A reloaded page may ask for its seat before the server has seen the old socket close (HTTP 524,
// then retried): expected here; every other console error still fails the test.
test.afterEach(({ consoleErrors }) => {
  const rest = consoleErrors.filter((e) => !/status of 52\d/.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...rest);
});

test.describe('a duo game after its result', () => {
  // A whole duo game in real time, on a machine that may be busy.
  test.describe.configure({ timeout: 180_000 });

  test('both reload after the result and keep it; a spectator joining then sees the final boards; the rematch still starts', async ({
    newPlayer,
  }) => {
    const [a, b] = await startPair(newPlayer);
    const score = await aWinsGame(a, b);
    const code = /\/duo\/([A-Za-z0-9]+)$/.exec(a.url())?.[1];
    expect(code).toBeTruthy();

    for (const [me, mine, theirs, series] of [
      [a, `You win ${score} to 0`, 'Opponent: topped out with 0.', 'Series: you 1 - 0 rival'],
      [
        b,
        `You lose 0 to ${score}`,
        `Opponent: topped out with ${score}.`,
        'Series: you 0 - 1 rival',
      ],
    ] as const) {
      await me.reload();
      await expect(me).toHaveURL(new RegExp(`/duo/${code}$`));
      await expect(hud(me, 'phase')).toHaveText('GAME OVER');
      await expect(me.getByTestId('match-result')).toHaveText(mine);
      await expect(me.getByTestId('opp-result')).toHaveText(theirs);
      await expect(me.getByTestId('series')).toHaveText(series);
    }

    const s = (await newPlayer()).page;
    await s.goto(`/watch/${code}`);
    await expect(s.getByTestId('watch-status')).toHaveText(
      `This game is over. Final score: ${score} vs 0. 1 watching.`,
    );
    await expect(hud(s, 'phase')).toHaveText('GAME OVER');
    await expect(hud(s, 'phase', 'opp')).toHaveText('GAME OVER');
    await expect(hud(s, 'score')).toHaveText(String(Number(score.replace(/,/g, ''))));
    for (const p of [a, b]) await expect(p.getByTestId('watching')).toHaveText('1 watching');

    // "Skip score, rematch", or "Rematch" for a game a starved browser ran slower than real time.
    for (const p of [a, b]) await p.getByTestId('rematch').click();
    for (const p of [a, b]) await expect(hud(p, 'phase')).toHaveText('PLAYING');
    await expect(hud(s, 'phase')).toHaveText('PLAYING');
    await expect(s.getByTestId('watch-status')).toContainText('Score: 0 vs 0.');
  });
});

test.describe('a private room whose host leaves', () => {
  test('before the start (a header link): the guest is told the room is closed, and the code is gone', async ({
    newPlayer,
    consoleErrors,
  }) => {
    const a = (await newPlayer()).page;
    const b = (await newPlayer()).page;
    const { link, code } = await privateRoom(a, b);

    await a.getByRole('link', { name: 'Scoreboard' }).click();
    await expect(b.getByTestId('duo-error')).toHaveText('The host left, so the room is closed.');
    const c = (await newPlayer()).page;
    await c.goto(link);
    await expect(c.getByTestId('duo-error')).toContainText(`There is no room ${code}`);
    // The browser logs the refused join (HTTP 522) as a failed load: expected here.
    const rest = consoleErrors.filter((e) => !/status of 522/.test(e));
    consoleErrors.splice(0, consoleErrors.length, ...rest);
  });
});
