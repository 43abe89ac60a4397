import { aWinsGame, startPair } from './duo-helpers.ts';
import { expect, test } from './fixtures.ts';
import { dropUntil, hud, uniqueName } from './helpers.ts';

test.describe('duo matches', () => {
  // Real games in real time (two in the first test), on a machine that may be busy.
  test.describe.configure({ timeout: 240_000 });

  test('the result and the series on both sides, then a rematch both asked for', async ({
    newPlayer,
  }) => {
    const [a, b] = await startPair(newPlayer);
    const score = await aWinsGame(a, b);

    // Both panels show both players, the result from each side, and the series.
    await expect(a.getByTestId('opp-result')).toHaveText('Opponent: topped out with 0.');
    await expect(b.getByTestId('opp-result')).toHaveText(`Opponent: topped out with ${score}.`);
    await expect(a.getByTestId('match-result')).toHaveText(`You win ${score} to 0`);
    await expect(b.getByTestId('match-result')).toHaveText(`You lose 0 to ${score}`);
    await expect(a.getByTestId('series')).toHaveText('Series: you 1 - 0 rival');
    await expect(b.getByTestId('series')).toHaveText('Series: you 0 - 1 rival');

    // A skips submitting and asks; B is told, submits first, then accepts.
    await a.getByRole('button', { name: 'Skip score, rematch' }).click();
    await expect(a.getByTestId('rematch-status')).toHaveText('Waiting for your opponent…');
    await expect(a.getByTestId('submit')).toHaveCount(0);
    await expect(a.getByTestId('rematch')).toBeDisabled();
    await expect(b.getByTestId('rematch-status')).toHaveText('Your opponent wants a rematch.');
    await expect(hud(a, 'phase')).toHaveText('GAME OVER'); // nothing starts on one request

    await b.getByRole('button', { name: 'Submit score' }).click();
    const name = uniqueName('loser');
    await b.getByLabel('Your name').fill(name);
    await b.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(b.getByTestId('notice-submitted')).toContainText(`${name} scored 0`);
    await expect(b.getByTestId('rematch-status')).toHaveText('Your opponent wants a rematch.');
    await b.getByRole('button', { name: 'Rematch', exact: true }).click();

    for (const p of [a, b]) {
      await expect(hud(p, 'phase')).toHaveText('PLAYING');
      await expect(p.getByTestId('game-over')).toHaveCount(0);
    }
    // The same (new) sequence for both.
    await expect(hud(b, 'next')).toHaveText((await hud(a, 'next').textContent())!);

    // Game two: the series carries on.
    await aWinsGame(a, b);
    await expect(a.getByTestId('series')).toHaveText('Series: you 2 - 0 rival');
    await expect(b.getByTestId('series')).toHaveText('Series: you 0 - 2 rival');
  });

  test('a player leaving after the result: the other is told they left, and no rematch is offered', async ({
    newPlayer,
  }) => {
    const [a, b] = await startPair(newPlayer);
    await aWinsGame(a, b);
    await expect(b.getByTestId('match-result')).toContainText('You lose');

    await b.getByRole('button', { name: 'Leave' }).click();
    await expect(b.getByRole('button', { name: 'Quick match' })).toBeVisible();

    await expect(a.getByTestId('notice-opponent')).toHaveText('Your opponent left the room.');
    await expect(a.getByTestId('opp-result')).toHaveText('Opponent: left the game.');
    await expect(a.getByTestId('rematch-status')).toHaveText(
      'Your opponent left the room: no rematch.',
    );
    await expect(a.getByTestId('rematch')).toBeDisabled();
    // The result stands.
    await expect(a.getByTestId('match-result')).toContainText('You win');
    await expect(a.getByTestId('series')).toHaveText('Series: you 1 - 0 rival');
    await a.getByRole('button', { name: 'Leave' }).click();
    await expect(a.getByRole('button', { name: 'Quick match' })).toBeVisible();
  });

  test('decided early: the survivor passing is told so and plays on; the loser sees it live', async ({
    newPlayer,
  }) => {
    // A at level 0 has over a minute before an idle top-out; B at 19 tops out with 0 in seconds.
    const [a, b] = await startPair(newPlayer, [0, 19]);
    await expect(hud(b, 'phase')).toHaveText('GAME OVER', { timeout: 30_000 });
    await expect(b.getByTestId('match-result')).toHaveText('Result: not decided yet.');
    await expect(b.getByTestId('opp-result')).toHaveText('Opponent: playing.');

    // A's first soft-drop points win at once (one drop may score nothing: A drops until then).
    const result = a.getByTestId('notice-result');
    await dropUntil(
      a,
      async () =>
        (await result.count()) > 0 && ((await result.textContent()) ?? '').includes('You win'),
      'no early win',
    );
    await expect(a.getByTestId('notice-result')).toContainText('Play on: your score still counts.');
    await expect(hud(a, 'phase')).toHaveText('PLAYING');
    await expect(b.getByTestId('match-result')).toHaveText(/^You lose 0 to [1-9][0-9,]*$/);
    await expect(b.getByTestId('series')).toHaveText('Series: you 0 - 1 rival');
    await expect(b.getByTestId('opp-result')).toHaveText('Opponent: playing.');

    // B asks for a rematch; A, still playing, is told.
    await b.getByRole('button', { name: 'Skip score, rematch' }).click();
    await expect(a.getByTestId('notice-rematch')).toHaveText(
      'Your opponent wants a rematch after your game.',
    );
    await expect(hud(a, 'phase')).toHaveText('PLAYING');
  });
});
