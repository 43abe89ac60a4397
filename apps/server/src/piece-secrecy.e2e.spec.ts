// The seed stays on the server until the game is stored: attacks through the public protocol only.
import { PIECE_TYPES, SeededPieces, parseReplay, runReplay } from '@tengen/engine';
import { PIECES_AHEAD, type ServerMessage } from '@tengen/protocol';
import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

const GENERATOR_KEY = /^(seed|rng|spawnCount|spawnId)$/i;

/** Every key path in a JSON value whose name is a generator field. */
function generatorKeys(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(GENERATOR_KEY.test(k) ? [`${path}.${k}`] : []),
    ...generatorKeys(v, `${path}.${k}`),
  ]);
}

describe('the seed never reaches a client before its game is stored', () => {
  it('a whole game: no message or state patch carries generator state; pieces come at most PIECES_AHEAD past NEXT', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    const states: unknown[] = [];
    p.room.onStateChange((s) => states.push((s as unknown as { toJSON(): unknown }).toJSON()));
    // Checked as each deal arrives, against the client's own game at that moment.
    const overDealt: string[] = [];
    // A second '*' listener (a handler for 'pieces' alone would hide them from the player's own).
    p.room.onMessage('*', (type: string | number, m: { from: number; types: number[] }) => {
      if (type !== 'pieces') return;
      const game = p.game!;
      const limit = game.nextDrawIndex + PIECES_AHEAD;
      if (m.from + m.types.length > limit)
        overDealt.push(
          `pieces up to ${m.from + m.types.length - 1} at draw index ${game.nextDrawIndex}`,
        );
    });
    const start = await p.startGame(19);
    expect(start.pieces).toHaveLength(2 + PIECES_AHEAD);
    const game = await p.play({ botFrames: 900, leadFrames: 120 });
    await p.until('the server saw the top-out', () => p.me?.phase === 'over');

    const leaks = [
      ...p.messages.flatMap((m, i) => generatorKeys(m, `message[${i}]:${m.type}`)),
      ...states.flatMap((s, i) => generatorKeys(s, `state[${i}]`)),
    ];
    expect(leaks).toEqual([]);
    expect(overDealt).toEqual([]);
    expect(p.messages.filter((m) => m.type === 'pieces').length).toBeGreaterThan(5);
    // Before the store nothing names the game's replay; the board shows no seeds.
    const board = (await (await fetch(`${server.url}/api/scores?mode=solo`)).json()) as object;
    expect(generatorKeys(board)).toEqual([]);

    // Once stored, the replay (and its seed) is public, and that seed deals exactly what was sent.
    p.send('submit', { name: 'sealed' });
    const submitted = await p.message('submitted');
    const replay = parseReplay(
      await (await fetch(`${server.url}/api/replays/${submitted.replayId}`)).json(),
    );
    const seq = new SeededPieces(parseInt(replay.seed, 16));
    const dealt = p.pieces;
    // Every piece the game drew was dealt; none is dealt once the game is over.
    expect(dealt.length).toBeGreaterThanOrEqual(game.nextDrawIndex);
    expect(dealt.length).toBeLessThanOrEqual(game.nextDrawIndex + PIECES_AHEAD);
    expect(Array.from({ length: dealt.length }, (_, i) => dealt.pieceAt(i))).toEqual(
      seq.slice(0, dealt.length),
    );
    expect(runReplay(replay).pieces).toBe(
      seq
        .slice(0, game.pieceCount)
        .map((t) => PIECE_TYPES[t])
        .join(''),
    );
    await p.leave();
  });

  it('a client cannot ask for pieces: there is no such message, and unknown ones are refused', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    p.send('ready');
    await p.message('start');
    const seen = p.messages.length;
    for (const [type, payload] of [
      ['pieces', { from: 0, types: [] }],
      ['pieces', { from: 7 }],
      ['requestPieces', { count: 100 }],
      ['resume', {}],
      ['seed', {}],
    ] as const) {
      const before = p.messages.length;
      p.room.send(type, payload);
      const error = await p.message('error', before);
      expect(error).toMatchObject({ code: 'malformed' });
    }
    await new Promise((r) => setTimeout(r, 300));
    const answers = p.messages.slice(seen).map((m: ServerMessage) => m.type);
    expect(answers).toEqual(['error', 'error', 'error', 'error', 'error']);
    await p.leave();
  });
});
