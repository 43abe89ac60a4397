import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

/** Two players in a private duo room, both ready at `levels`, games started. */
async function pair(levels: [number, number]): Promise<[TestPlayer, TestPlayer]> {
  const host = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
  const code = await host.until('a room code', () => host.room.state.code);
  const guest = await TestPlayer.connect(server.url, 'joinById', code);
  await host.until('choosing', () => host.room.state.phase === 'choosing');
  const players: [TestPlayer, TestPlayer] = [host, guest];
  players.forEach((p, i) => {
    p.send('selectLevel', { level: levels[i]! });
    p.send('ready');
  });
  await Promise.all(players.map((p) => p.message('start')));
  return players;
}

const seriesOf = (p: TestPlayer) => ({
  wins: p.me?.wins,
  losses: p.me?.losses,
  draws: p.me?.draws,
});

describe('duo match results over WebSockets', () => {
  let a: TestPlayer;
  let b: TestPlayer;

  it('decides the moment the survivor passes, tells both, and the survivor plays on and submits', async () => {
    // Both keep real time: a idles to its top-out at level 19 (about 490 frames) while b idles at
    // level 15 (slower gravity), alive with no points.
    [a, b] = await pair([19, 15]);
    await Promise.all([a.play({ botFrames: 0 }), b.play({ botFrames: 0, untilFrame: 600 })]);
    await b.until('a over', () => b.opponent?.phase === 'over');
    expect(b.me?.score).toBe(0);
    expect(b.opponent?.score).toBe(0);
    expect(a.room.state.result).toBe('pending');
    expect(b.room.state.result).toBe('pending');

    await b.play({ untilFrame: 900 }); // the bot's first soft drops score
    for (const p of [a, b])
      await p.until(
        'b wins',
        () => p.room.state.result === 'passed' && p.room.state.winner === b.id,
      );
    expect(b.me?.phase).toBe('playing');
    expect(seriesOf(b)).toEqual({ wins: 1, losses: 0, draws: 0 });
    await a.until('series seen by a', () => a.opponent?.wins === 1 && a.me?.losses === 1);

    // A reconnecting client sees the result from the state itself.
    a.room.reconnection.minUptime = 0;
    const seen = a.messages.length;
    (a.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, 'network blip');
    await a.message('resume', seen);
    expect(a.room.state).toMatchObject({ result: 'passed', winner: b.id });

    const game = await b.play({ botFrames: 900 }); // then idle to its top-out
    await a.until('b over', () => a.opponent?.phase === 'over');
    expect(a.room.state.result).toBe('passed');
    b.send('submit', { name: 'survivor' });
    expect((await b.message('submitted')).score).toBe(game.score);
  });

  it('starts a rematch only when both ask, with a new sequence, and counts the series across games', async () => {
    const oldPieces = a.messages.filter((m) => m.type === 'start').at(-1);
    const seenA = a.messages.length;
    const seenB = b.messages.length;
    b.send('rematch');
    await a.until('b wants a rematch', () => a.opponent?.rematch === true);
    await new Promise((r) => setTimeout(r, 500));
    expect(a.messages.slice(seenA).some((m) => m.type === 'start')).toBe(false);
    expect(b.messages.slice(seenB).some((m) => m.type === 'start')).toBe(false);
    a.send('rematch');
    const [sa, sb] = await Promise.all([a.message('start', seenA), b.message('start', seenB)]);
    expect(sa.pieces).toEqual(sb.pieces);
    expect(sa.pieces).not.toEqual(oldPieces?.type === 'start' && oldPieces.pieces);
    expect([sa.startLevel, sb.startLevel]).toEqual([19, 15]);
    for (const p of [a, b]) {
      await p.until('new game', () => p.room.state.result === 'pending' && p.me?.rematch === false);
    }

    // Game two: a scores, b tops out with nothing; a wins and the series is level.
    await a.play({ untilFrame: 300 });
    await b.play({ botFrames: 0 });
    for (const p of [a, b])
      await p.until('a wins', () => p.room.state.winner === a.id && p.me?.wins === 1);
    expect(seriesOf(a)).toEqual({ wins: 1, losses: 1, draws: 0 });
    expect(seriesOf(b)).toEqual({ wins: 1, losses: 1, draws: 0 });
  });

  it('one player leaving after the result: the other is told they left, not that they dropped', async () => {
    const seen = a.messages.length;
    await b.leave();
    await a.message('opponentLeft', seen);
    expect(a.messages.slice(seen).some((m) => m.type === 'opponentDropped')).toBe(false);
    await a.until('b left', () => a.opponent?.left === true);
    expect(a.room.state).toMatchObject({ result: 'passed', winner: a.id });
    expect(seriesOf(a)).toEqual({ wins: 1, losses: 1, draws: 0 });

    // Nobody to play again with: a's own game still ends and a rematch is refused in words.
    await a.play({ botFrames: 0 });
    const before = a.messages.length;
    a.send('rematch');
    expect((await a.message('error', before)).message).toMatch(/opponent left/);
    await a.leave();
  });

  it('a player who leaves an undecided game loses it', async () => {
    const [host, guest] = await pair([0, 0]);
    await host.play({ untilFrame: 300 }); // the host is ahead on points
    const seen = guest.messages.length;
    await host.leave();
    await guest.message('opponentLeft', seen);
    await guest.until('guest wins', () => guest.room.state.result === 'forfeit');
    expect(guest.room.state.winner).toBe(guest.id);
    expect(seriesOf(guest)).toEqual({ wins: 1, losses: 0, draws: 0 });
    await guest.leave();
  });
});
