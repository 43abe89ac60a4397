import { describe, expect, it } from 'vitest';
import { GameEvent } from './buttons.ts';
import { Game, view } from './game.ts';
import { gameWith, run, stepUntil, twoRowClearAt } from './test-kit.ts';

describe('view', () => {
  it('describes a fresh game', () => {
    const v = view(new Game({ seed: 0x8988, startLevel: 7 }));
    expect(v).toMatchObject({
      next: 'S',
      score: 0,
      lines: 0,
      level: 7,
      startLevel: 7,
      phase: 'playing',
      playState: 'control',
      frame: 0,
      topOut: false,
    });
    expect(v.piece).toEqual({
      type: 'L',
      typeIndex: 5,
      orientation: 0x0e,
      x: 5,
      y: 0,
      cells: [
        [4, 0],
        [5, 0],
        [6, 0],
        [4, 1],
      ],
    });
    expect(v.stats).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(v.board).toHaveLength(200);
    expect(JSON.parse(JSON.stringify({ ...v, board: Array.from(v.board) }))).toBeTruthy();
  });

  it('during a clear keeps the old rows on screen and blanks them from the centre outwards', () => {
    const game = twoRowClearAt(1);
    stepUntil(game, GameEvent.LineClearStart);
    let v = view(game);
    expect(v.phase).toBe('lineClear');
    expect(v.piece).toBeNull();
    expect(v.clearingRows).toEqual([18, 19]);
    expect(v.clearProgress).toBe(0);
    expect(Array.from(v.board.slice(180, 200)).every((c) => c !== 0)).toBe(true);
    stepUntil(game, GameEvent.ClearStep);
    stepUntil(game, GameEvent.ClearStep);
    v = view(game);
    expect(v.clearProgress).toBe(2);
    expect(Array.from(v.board.slice(190, 200))).toEqual([1, 1, 1, 0, 0, 0, 0, 1, 1, 1]);
    stepUntil(game, GameEvent.Spawn);
    v = view(game);
    expect(v.phase).toBe('playing');
    expect(Array.from(v.board).every((c) => c === 0)).toBe(true);
    expect(v.lines).toBe(2);
  });

  it('reports entry delay as its own phase', () => {
    const game = gameWith({
      orientation: 0x0a,
      x: 5,
      y: 17,
      startLevel: 29,
      autorepeatY: 0,
      vramRow: 32,
    });
    stepUntil(game, GameEvent.Lock);
    expect(view(game).phase).toBe('entry');
    run(game, 1);
    expect(game.hasActivePiece).toBe(false);
  });
});
