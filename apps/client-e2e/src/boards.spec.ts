import { PIECE_TYPES } from '@tengen/engine';
import type { PlayerResponse } from '@tengen/protocol';
import { expect, test } from './fixtures.ts';
import { storeBotGame } from './boards-helpers.ts';
import { uniqueName } from './helpers.ts';

const at19 = uniqueName('Nineteen');
const at18 = uniqueName('Eighteen');
const spaced = `${uniqueName('Page')} x`; // a space, encoded in the address
type Stored = Awaited<ReturnType<typeof storeBotGame>>;
let g19: Stored;
let g18: Stored;
let gSpaced: Stored;

// Real verified games, stored once for this file by bots over WebSockets (in parallel).
test.beforeAll(async ({ baseURL }) => {
  [g19, g18, gSpaced] = await Promise.all([
    storeBotGame(baseURL!, at19, 19),
    storeBotGame(baseURL!, at18, 18),
    storeBotGame(baseURL!, spaced, 19),
  ]);
});

test.describe('boards people care about', () => {
  test('the scoreboard filters by mode, period and start level, kept in the address', async ({
    page,
  }) => {
    const row = (name: string) =>
      page.getByTestId('score-row-solo').filter({ has: page.getByRole('rowheader', { name }) });

    await page.goto('/scoreboard?period=today&start=19');
    await expect(page.getByLabel('Period')).toHaveValue('today');
    await expect(page.getByLabel('Start level')).toHaveValue('19');
    await expect(row(at19).getByTestId('score-value')).toHaveText(String(g19.score));
    await expect(row(at18)).toHaveCount(0);

    await page.getByLabel('Start level').focus();
    await page.getByLabel('Start level').selectOption('18');
    await expect(page).toHaveURL(/\/scoreboard\?period=today&start=18$/);
    await expect(row(at18).getByTestId('score-value')).toHaveText(String(g18.score));
    await expect(row(at19)).toHaveCount(0);
    await expect(page.getByLabel('Start level')).toBeFocused();

    // A reload keeps the filters; another mode has no games for them.
    await page.reload();
    await expect(page.getByLabel('Start level')).toHaveValue('18');
    await page.getByLabel('Mode').selectOption('duo');
    await expect(page).toHaveURL(/mode=duo&period=today&start=18/);
    await expect(page.getByTestId('scores-empty')).toHaveText(
      'No scores for these filters yet. Be the first!',
    );

    // All levels, all time, on a phone: every column fits, names lead to player pages.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/scoreboard');
    await expect(row(at19)).toBeVisible();
    const fits = await page
      .getByTestId('scores-solo')
      .evaluate((t) => t.getBoundingClientRect().right <= window.innerWidth);
    expect(fits).toBe(true);
    await expect(row(at19).getByTestId('watch-replay')).toBeInViewport();
    await row(at19).getByRole('link', { name: at19 }).click();
    await expect(page).toHaveURL(`/player/${encodeURIComponent(at19)}`);
    await expect(page.getByRole('heading', { level: 2, name: at19 })).toBeVisible();
  });

  test('a player page lists best and recent games with replays; unknown names are empty', async ({
    page,
  }) => {
    const name = spaced;
    const game = gSpaced;
    await page.goto(`/player/${encodeURIComponent(name)}`);
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    const best = page.getByTestId('player-best-row');
    await expect(best).toHaveCount(1);
    await expect(best.getByRole('rowheader')).toHaveText('Level 19');
    await expect(best.getByTestId('score-value')).toHaveText(String(game.score));
    await expect(page.getByTestId('player-recent-row')).toHaveCount(1);
    await expect(page.getByTestId('name-held')).toBeVisible(); // held by the bot's "browser"
    await page.getByTestId('player-recent-row').getByRole('button', { name: /Watch/ }).click();
    await expect(page).toHaveURL(`/replay/${game.replayId}`);

    await page.goto(`/player/${encodeURIComponent('No One Here')}`);
    await expect(page.getByTestId('player-empty')).toHaveText(
      'No games are stored under "No One Here" yet. The first score stored under this name makes it yours.',
    );
    await page.goto('/player/%3Cscript%3E');
    await expect(page.getByTestId('player-empty')).toContainText('is not a player name');
  });

  test("each game on a player page shows its statistics, the server's numbers", async ({
    page,
  }) => {
    const name = spaced;
    const api = await page.request.get(`/api/players/${encodeURIComponent(name)}`);
    const body = (await api.json()) as PlayerResponse;
    const stats = body.recent[0]!.stats!;
    expect(stats.totalPieces).toBeGreaterThan(0);
    await page.goto(`/player/${encodeURIComponent(name)}`);
    const recent = page.getByTestId('player-recent');
    await expect(recent.getByTestId('game-stats-row')).toHaveCount(1);
    const line = recent.getByTestId('game-stats');
    await expect(line.getByTestId('stat-trt')).toHaveText(
      stats.tetrisRate === null ? '-' : `${Math.round(stats.tetrisRate * 100)}%`,
    );
    await expect(line.getByTestId('stat-burns')).toHaveText(String(stats.burns));
    await expect(line.getByTestId('stat-drought')).toHaveText(String(stats.longestDrought));
    await expect(line.getByTestId('stat-ppm')).toHaveText(stats.piecesPerMinute!.toFixed(1));
    const counts = PIECE_TYPES.map((t, i) => `${t}${stats.pieces[i]}`).join(' ');
    await expect(line.getByTestId('stat-pieces')).toHaveText(counts);
    await expect(page.getByTestId('player-best').getByTestId('game-stats')).toHaveCount(1);
    // On a phone the statistics stay inside the page.
    await page.setViewportSize({ width: 320, height: 568 });
    const right = await line.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(320);
  });
});
