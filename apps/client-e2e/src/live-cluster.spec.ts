import { join } from 'node:path';
import type { PlayerStateShape } from '@tengen/protocol';
import { startCluster, TestPlayer, type Cluster } from '@tengen/test-kit';
import { expect, test } from './fixtures.ts';
import { hud } from './helpers.ts';

// Scale-out as production runs it: a real redis-server and two server processes sharing it, each
// with its own PUBLIC_ADDRESS, both serving the built client. Bots play a duo game hosted by one
// process; a browser on the other process's Live page lists it and watches it.
const CLIENT_DIR = join(import.meta.dirname, '..', '..', '..', 'dist', 'apps', 'client');

let cluster: Cluster | undefined;
test.beforeAll(async () => {
  cluster = await startCluster({ servers: 2, env: { CLIENT_DIR } });
});
test.afterAll(async () => {
  await cluster?.stop();
});

/** Plays (the bot steering) until the player has cleared a line, so score and lines are not 0. */
async function playUntilLines(p: TestPlayer): Promise<void> {
  const game = await p.until('a started game', () => p.game);
  while (game.lines === 0) {
    if (game.topOut || game.frame > 3_600) throw new Error('the bot cleared no line');
    await p.play({ untilFrame: game.frame + 30 });
  }
}

/** The room's players in seat order (as the Live row and a spectator list them), with their ids. */
function seated(p: TestPlayer): { id: string; player: PlayerStateShape }[] {
  const list: { id: string; player: PlayerStateShape }[] = [];
  p.room.state.players.forEach((player, id) => list.push({ id, player }));
  return list;
}

type Score = Pick<PlayerStateShape, 'level' | 'score' | 'lines'>;

test('the Live page of one process lists a duo game hosted by the other, and watches it to its end', async ({
  page,
  newPlayer,
}) => {
  test.setTimeout(60_000);
  const { servers } = cluster!;
  const a = await TestPlayer.connect(servers[0]!.url, 'joinOrCreate', 'duo');
  const b = await TestPlayer.connect(servers[1]!.url, 'joinOrCreate', 'duo');
  try {
    const roomId = a.room.roomId;
    expect(b.room.roomId).toBe(roomId);
    // The browser goes to the process that does not host the room: everything crosses Redis.
    const other = servers[1 - (await cluster!.hostOf(roomId))]!;
    a.send('selectLevel', { level: 19 });
    b.send('selectLevel', { level: 18 });
    for (const p of [a, b]) p.send('ready');
    await Promise.all([a.message('start'), b.message('start')]);
    await Promise.all([playUntilLines(a), playUntilLines(b)]);
    // A pause holds both games still while the browser reads them.
    a.send('pause', { paused: true });
    await a.until('both games paused, the server at the bots’ frames', () => {
      return (
        a.room.state.paused &&
        a.me?.frame === a.game?.frame &&
        a.opponent?.frame === b.game?.frame &&
        seated(a).length === 2
      );
    });
    const seats = seated(a);
    // Copies: the schema objects change again once play resumes.
    const [first, second] = seats.map(({ player: { level, score, lines } }) => ({
      level,
      score,
      lines,
    })) as [Score, Score];
    const vs = (pick: (p: Score) => number | undefined) => `${pick(first)} vs ${pick(second)}`;
    const scores = vs((p) => p.score);
    expect(vs((p) => p.level)).toMatch(/^(19 vs 18|18 vs 19)$/);
    expect(first.lines! * second.lines!).toBeGreaterThan(0);

    await page.goto(`${other.url}/live`);
    const row = page.locator(`[data-testid="live-row"][data-room="${roomId}"]`);
    // Listings cross Redis (published at most once a second, the page reads every 3 s): on a busy
    // machine give them longer than the default 10 s.
    const crossing = { timeout: 20_000 };
    await expect(row.getByRole('rowheader')).toHaveText('Duo', crossing);
    await expect(row.getByRole('cell')).toHaveText(
      ['Player vs Player', vs((p) => p.level), scores, vs((p) => p.lines), '0', 'Watch'],
      crossing,
    );

    // Watch it from that page: the reservation names the hosting process, which the page joins.
    await row.getByRole('link', { name: /Watch this duo game/ }).click();
    await expect(page).toHaveURL(`${other.url}/watch/${roomId}`);
    await expect(page.getByTestId('watch-status')).toHaveText(
      `Paused. Score: ${scores}. 1 watching.`,
    );
    await expect(hud(page, 'score')).toHaveText(String(first.score));
    await expect(hud(page, 'lines')).toHaveText(String(first.lines));
    await expect(hud(page, 'score', 'opp')).toHaveText(String(second.score));
    await expect(hud(page, 'level', 'opp')).toHaveText(String(second.level));
    await a.until('1 watching', () => a.room.state.spectators === 1);

    // A second browser on the same process sees the spectator counted.
    const list = (await newPlayer()).page;
    await list.goto(`${other.url}/live`);
    const listed = list.locator(`[data-testid="live-row"][data-room="${roomId}"]`);
    await expect(listed.getByRole('cell').nth(4)).toHaveText('1', crossing);

    // Both top out: the spectator sees the final score, and the game leaves the list.
    a.send('pause', { paused: false });
    await a.until('playing again', () => !a.room.state.paused);
    const [ga, gb] = await Promise.all([a.play({ botFrames: 0 }), b.play({ botFrames: 0 })]);
    expect(ga.topOut && gb.topOut).toBe(true);
    const final = seats.map((s) => (s.id === a.id ? ga : gb).score).join(' vs ');
    await expect(page.getByTestId('watch-status')).toHaveText(
      `This game is over. Final score: ${final}. 1 watching.`,
    );
    await expect(listed).toHaveCount(0, crossing);
    await expect(list.getByTestId('live-empty')).toBeVisible();
  } finally {
    await Promise.all([a.leave(), b.leave()]);
  }
});
