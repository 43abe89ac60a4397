import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import { runReplay } from './replay-run.ts';
import type { Replay } from './replay-types.ts';
import { seedToHex } from './seed.ts';

const arbReplay: fc.Arbitrary<Replay> = fc.record({
  version: fc.constant(1 as const),
  seed: fc.integer({ min: 1, max: 0xffff }).map(seedToHex),
  startLevel: fc.integer({ min: 0, max: 29 }),
  inputs: fc.array(fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 31 })), {
    maxLength: 250,
  }),
});

function frames(replay: Replay): number[] {
  return replay.inputs.flatMap(([n, b]) => Array<number>(n).fill(b));
}

/** True when `next` is `prev` with row r removed (rows above moved down one, row 0 empty). */
function isRowRemoved(prev: Uint8Array, next: Uint8Array): boolean {
  for (let r = 0; r < 20; r++) {
    let ok = true;
    for (let c = 0; c < 10 && ok; c++) {
      if (prev[r * 10 + c] === 0) ok = false;
    }
    for (let i = 0; i < 200 && ok; i++) {
      const row = Math.floor(i / 10);
      const want = row > r ? prev[i] : row === 0 ? 0 : prev[i - 10];
      if (next[i] !== want) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

describe('properties under random input', () => {
  it('the board holds only 0..7 and changes only by a lock (the piece cells) or a row removal', () => {
    fc.assert(
      fc.property(arbReplay, (replay) => {
        const game = new Game({ seed: parseInt(replay.seed, 16), startLevel: replay.startLevel });
        const prev = new Uint8Array(200);
        const next = new Uint8Array(200);
        const cells = [0, 0, 0, 0, 0, 0, 0, 0];
        let spawns = 1;
        for (const b of frames(replay)) {
          game.readBoard(prev);
          game.readPieceCells(cells);
          const type = game.pieceTypeIndex;
          const before = game.playState;
          const ev = game.step(b);
          game.readBoard(next);
          if ((ev & GameEvent.Spawn) !== 0) spawns++;
          expect(next.every((v) => v <= 7)).toBe(true);
          if ((ev & GameEvent.Lock) !== 0) {
            for (let i = 0; i < 4; i++) {
              const [x, y] = [cells[i * 2]!, cells[i * 2 + 1]!];
              if (y >= 0) prev[y * 10 + x] = type + 1;
            }
            expect(next).toEqual(prev);
          } else if (before === 'checkRows' && !prev.every((v, i) => v === next[i])) {
            expect(isRowRemoved(prev, next)).toBe(true);
          } else {
            expect(next).toEqual(prev);
          }
          if (game.topOut) break;
        }
        expect(game.pieceCount).toBe(spawns);
        let sum = 0;
        for (let t = 0; t < 7; t++) sum += game.stat(t);
        expect(sum).toBe(spawns);
      }),
      { numRuns: 60 },
    );
  });

  it('the same replay gives the same result, and equals stepping a Game by hand', () => {
    fc.assert(
      fc.property(arbReplay, (replay) => {
        const a = runReplay(replay);
        expect(runReplay(structuredClone(replay))).toEqual(a);
        const game = new Game({ seed: parseInt(replay.seed, 16), startLevel: replay.startLevel });
        for (const b of frames(replay)) if ((game.step(b) & GameEvent.TopOut) !== 0) break;
        expect([game.score, game.lines, game.level, game.frame, game.topOut]).toEqual([
          a.score,
          a.lines,
          a.level,
          a.frames,
          a.topOut,
        ]);
        expect(a.pieces.length).toBe(game.pieceCount);
      }),
      { numRuns: 80 },
    );
  });

  it('snapshot/restore at any frame continues exactly like the uninterrupted game', () => {
    fc.assert(
      fc.property(arbReplay, fc.nat(), (replay, cutSeed) => {
        const input = frames(replay);
        const cut = input.length === 0 ? 0 : cutSeed % input.length;
        const a = new Game({ seed: parseInt(replay.seed, 16), startLevel: replay.startLevel });
        input.slice(0, cut).forEach((b) => a.step(b));
        const b = Game.restore(JSON.parse(JSON.stringify(a.snapshot())) as unknown);
        const restEventsA = input.slice(cut).map((x) => a.step(x));
        const restEventsB = input.slice(cut).map((x) => b.step(x));
        expect(restEventsB).toEqual(restEventsA);
        expect(b.snapshot()).toEqual(a.snapshot());
      }),
      { numRuns: 60 },
    );
  });
});
