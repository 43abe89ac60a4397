import { describe, expect, it } from 'vitest';
import { Game } from './game.ts';
import { loadGoldenFixtures } from './fixtures/load-fixtures.ts';
import { parseReplay } from './replay-parse.ts';
import { SnapshotError } from './snapshot.ts';

function play(game: Game, frames: number, from = 0): void {
  for (let f = from; f < from + frames; f++)
    game.step([0, 2, 0, 2, 8, 4, 4, 4, 0, 1, 16, 0][f % 12]!);
}

describe('snapshot / restore', () => {
  it('is plain JSON and round-trips mid-game to an identical continuation', () => {
    // A real game: the golden level-9 bot replay, cut in the middle.
    const fixture = loadGoldenFixtures().find((f) => f.name.startsWith('level-09'))!;
    const frames = parseReplay(fixture.replay).inputs.flatMap(([n, b]) => Array<number>(n).fill(b));
    const a = new Game({ seed: 0x1234, startLevel: 9 });
    const half = frames.length >> 1;
    frames.slice(0, half).forEach((b) => a.step(b));
    const b = Game.restore(JSON.parse(JSON.stringify(a.snapshot())) as unknown);
    expect(b.snapshot()).toEqual(a.snapshot());
    for (const game of [a, b]) frames.slice(half).forEach((x) => game.step(x));
    expect(b.snapshot()).toEqual(a.snapshot());
    expect([b.score, b.lines, b.frame]).toEqual([
      fixture.summary.score,
      fixture.summary.lines,
      fixture.summary.frames,
    ]);
  });

  it('clone continues identically and independently', () => {
    const a = new Game({ seed: 0x0101, startLevel: 5 });
    play(a, 500);
    const b = a.clone();
    play(b, 100, 500);
    expect(b.frame).toBe(600);
    expect(a.frame).toBe(500);
    play(a, 100, 500);
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it.each<[string, (s: Record<string, unknown>) => unknown, RegExp]>([
    ['not an object', () => 'x', /snapshot must be an object/],
    ['wrong version', (s) => ({ ...s, engineVersion: 3 }), /engineVersion must be 1 or 2, got 3/],
    ['bad seed', (s) => ({ ...s, seed: 0 }), /snapshot.seed must be an integer 1..65535/],
    [
      'short board',
      (s) => ({ ...s, board: '0'.repeat(255) }),
      /snapshot.board must be 256 digits 0-7/,
    ],
    [
      'bad cell',
      (s) => ({ ...s, board: '8' + '0'.repeat(255) }),
      /snapshot.board must be 256 digits/,
    ],
    ['bad play state', (s) => ({ ...s, playState: 9 }), /playState 9 is not a play state/],
    ['bad vramRow', (s) => ({ ...s, vramRow: 25 }), /vramRow must be 0..19 or 32/],
    [
      'bad stats',
      (s) => ({ ...s, stats: [1, 2] }),
      /snapshot.stats must be an array of 7 integers/,
    ],
    ['missing field', (s) => ({ ...s, rng: undefined }), /snapshot.rng must be an integer/],
    [
      'rng out of range',
      (s) => ({ ...s, rng: 0x10000 }),
      /snapshot.rng must be an integer 0..65535/,
    ],
  ])('rejects %s with a clear error', (_name, mutate, message) => {
    const snap = new Game({ seed: 0x8988, startLevel: 0 }).snapshot() as unknown as Record<
      string,
      unknown
    >;
    expect(() => Game.restore(mutate(snap))).toThrow(SnapshotError);
    expect(() => Game.restore(mutate(snap))).toThrow(message);
  });
});
