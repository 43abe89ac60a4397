import { describe, expect, it } from 'vitest';
import { Button, Game, view } from '@tengen/engine';
import { curtainDone, curtainRows, tetrisFlash } from './effects.ts';
import { composeWell, digits, linesText, playerFrame, type FrameExtras } from './player-frame.ts';

const extras: FrameExtras = { top: 10000, name: 'you', paused: false, framesSinceTopOut: 0 };

/** Steps a game holding `buttons` until it tops out (hold Down at level 19: fast). */
function topOut(game: Game, buttons = Button.Down): number {
  let frames = 0;
  while (!game.topOut && frames < 100_000) {
    game.step(buttons);
    frames++;
  }
  return frames;
}

describe('digits', () => {
  it('pads and clamps', () => {
    expect(digits(42, 6)).toBe('000042');
    expect(digits(1234567, 6)).toBe('999999');
    expect(digits(-3, 2)).toBe('00');
  });
});

describe('composeWell', () => {
  it('draws the active piece into the board', () => {
    const game = new Game({ seed: 0x8988, startLevel: 0 });
    const v = view(game);
    const cells = composeWell(v, new Uint8Array(200));
    const filled = [...cells.entries()].filter(([, c]) => c !== 0);
    const inWell = v.piece!.cells.filter(([, y]) => y >= 0);
    expect(filled).toHaveLength(inWell.length);
    for (const [, c] of filled) expect(c).toBe(v.piece!.typeIndex + 1);
    expect(filled.map(([i]) => i).sort()).toEqual(inWell.map(([x, y]) => y * 10 + x).sort());
  });

  it('skips cells above the well', () => {
    const board = new Uint8Array(200);
    const out = composeWell(
      {
        board,
        piece: {
          type: 'I',
          typeIndex: 6,
          orientation: 17,
          x: 5,
          y: 0,
          cells: [
            [5, -2],
            [5, -1],
            [5, 0],
            [5, 1],
          ],
        },
      },
      new Uint8Array(200),
    );
    expect(out[5]).toBe(7);
    expect(out[15]).toBe(7);
    expect(out.reduce((a, b) => a + (b ? 1 : 0), 0)).toBe(2);
  });
});

describe('playerFrame', () => {
  it('carries the numbers the NES boxes show', () => {
    const game = new Game({ seed: 0x8988, startLevel: 5 });
    const f = playerFrame(view(game), extras);
    expect(f).toMatchObject({
      lines: 0,
      score: 0,
      top: 10000,
      level: 5,
      overlay: null,
      name: 'you',
    });
    expect(Array.from(f.stats).filter((n) => n === 1)).toHaveLength(1);
    expect(f.next).toBeGreaterThanOrEqual(0);
    expect(linesText(f.lines)).toBe('LINES-000');
    expect(digits(f.level, 2)).toBe('05');
  });

  it('hides the board and next piece while paused', () => {
    const game = new Game({ seed: 0x8988, startLevel: 0 });
    const f = playerFrame(view(game), { ...extras, paused: true });
    expect(f.hidden).toBe(true);
    expect(f.next).toBe(-1);
    expect(f.overlay).toBe('PAUSED');
  });

  it('shows GAME OVER and lowers the curtain after a top-out', () => {
    const game = new Game({ seed: 0x8988, startLevel: 19 });
    topOut(game);
    const v = view(game);
    expect(playerFrame(v, extras).overlay).toBe('GAME OVER');
    expect(playerFrame(v, { ...extras, framesSinceTopOut: 1 }).curtain).toBe(1);
    expect(playerFrame(v, { ...extras, framesSinceTopOut: 500 }).curtain).toBe(20);
  });

  it('TOP never shows less than the live score', () => {
    const game = new Game({ seed: 0x8988, startLevel: 19 });
    topOut(game);
    const f = playerFrame(view(game), { ...extras, top: 0 });
    expect(f.top).toBe(f.score);
  });
});

describe('effects', () => {
  it('flashes only during a four-line clear, every four frames', () => {
    const clearing = { phase: 'lineClear' as const, clearingRows: [16, 17, 18, 19] };
    expect(tetrisFlash({ ...clearing, frame: 0 })).toBe(true);
    expect(tetrisFlash({ ...clearing, frame: 4 })).toBe(false);
    expect(tetrisFlash({ ...clearing, frame: 8 })).toBe(true);
    expect(tetrisFlash({ ...clearing, clearingRows: [19], frame: 0 })).toBe(false);
    expect(tetrisFlash({ phase: 'playing', clearingRows: [], frame: 0 })).toBe(false);
  });

  it('lowers the curtain a row every four frames', () => {
    expect(curtainRows(0)).toBe(0);
    expect(curtainRows(1)).toBe(1);
    expect(curtainRows(4)).toBe(2);
    expect(curtainRows(1000)).toBe(20);
    expect(curtainDone(79)).toBe(false);
    expect(curtainDone(80)).toBe(true);
  });
});
