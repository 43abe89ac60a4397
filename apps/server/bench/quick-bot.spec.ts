import { Bot, WEIGHTS } from '@tengen/bot';
import { CELL_DX, CELL_DY, ENGINE_VERSION, Game } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { landingValueOn, QuickBot } from './quick-bot.ts';

const THREE_MINUTES = 3 * 60 * 60;

function play(player: { next(game: Game): number }, seed: number, frames: number): Game {
  const game = new Game({ seed, startLevel: 9, version: ENGINE_VERSION });
  while (!game.topOut && game.frame < frames) game.step(player.next(game));
  return game;
}

/** The landing value as first written: the piece placed, then the whole board scanned. */
function scannedValue(cells: Uint8Array, o: number, x: number, y: number): number {
  const board = Uint8Array.from(cells);
  const fits = (yy: number) => {
    for (let i = 0; i < 4; i++) {
      const cx = x + CELL_DX[o * 4 + i]!;
      const cy = yy + CELL_DY[o * 4 + i]!;
      if (cx < 0 || cx >= 10 || cy >= 20) return false;
      if (cy >= 0 && board[cy * 10 + cx] !== 0) return false;
    }
    return true;
  };
  if (!fits(y)) return -Infinity;
  while (fits(y + 1)) y++;
  for (let i = 0; i < 4; i++) {
    const cy = y + CELL_DY[o * 4 + i]!;
    if (cy < 0) return -Infinity;
    board[cy * 10 + x + CELL_DX[o * 4 + i]!] = 1;
  }
  let complete = 0;
  for (let r = 0; r < 20; r++)
    if (board.subarray(r * 10, r * 10 + 10).every((v) => v !== 0)) complete++;
  let aggregate = 0;
  let holes = 0;
  let bumpiness = 0;
  let last = 0;
  for (let c = 0; c < 10; c++) {
    let h = 0;
    for (let r = 0; r < 20; r++)
      if (board[r * 10 + c] !== 0) {
        if (h === 0) h = 20 - r;
      } else if (h !== 0) holes++;
    aggregate += h;
    if (c > 0) bumpiness += Math.abs(h - last);
    last = h;
  }
  return (
    WEIGHTS.aggregateHeight * (aggregate - complete * 10) +
    WEIGHTS.completeLines * complete +
    WEIGHTS.holes * holes +
    WEIGHTS.bumpiness * bumpiness
  );
}

describe('QuickBot (the load generator player)', () => {
  it('values a landing as scanning the whole board with the piece on it would', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const orientations = CELL_DX.length / 4;
    let landed = 0;
    for (let n = 0; n < 150; n++) {
      // Stacks of random heights with random holes, some rows nearly or wholly full.
      const cells = new Uint8Array(200);
      const density = random();
      for (let c = 0; c < 10; c++) {
        const height = Math.floor(random() * 16);
        for (let r = 20 - height; r < 20; r++)
          cells[r * 10 + c] = random() < density ? 0 : 1 + (c % 3);
      }
      if (n % 3 === 0) cells.fill(1, 190, 199);
      if (n % 10 === 0) cells.fill(1, 180, 190);
      for (let o = 0; o < orientations; o++)
        for (let x = -2; x < 12; x++)
          for (const y of [-2, 0, 1, 3]) {
            const want = scannedValue(cells, o, x, y);
            expect(landingValueOn(cells, o, x, y)).toBe(want);
            if (want !== -Infinity) landed++;
          }
    }
    expect(landed).toBeGreaterThan(5_000);
  });

  it('survives three minutes at level 9 clearing lines, as a real player does', () => {
    for (const seed of [0x1234, 0x8a5d, 0x0f0f]) {
      const game = play(new QuickBot(), seed, THREE_MINUTES);
      expect(game.topOut).toBe(false);
      expect(game.pieceCount).toBeGreaterThan(150);
      expect(game.lines).toBeGreaterThan(40);
    }
  });

  it('plays pieces about as fast as the test bot (the server steps the same kind of game)', () => {
    const quick = play(new QuickBot(), 0x1234, THREE_MINUTES);
    const bot = play(new Bot(), 0x1234, THREE_MINUTES);
    expect(quick.pieceCount / quick.frame).toBeGreaterThan((0.8 * bot.pieceCount) / bot.frame);
    expect(quick.pieceCount / quick.frame).toBeLessThan((1.25 * bot.pieceCount) / bot.frame);
  });

  it('is deterministic: the same pieces give the same game', () => {
    const a = play(new QuickBot(), 0x4242, 3600);
    const b = play(new QuickBot(), 0x4242, 3600);
    expect(a.snapshot()).toEqual(b.snapshot());
  });
});
