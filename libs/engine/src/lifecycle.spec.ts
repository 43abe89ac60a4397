import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { Game, view } from './game.ts';
import { PIECE_TYPES } from './pieces.ts';
import { runReplay } from './replay-run.ts';
import { framesWith, gameWith, run, stepUntil } from './test-kit.ts';

describe('spawn and statistics (playState_spawnNextTetrimino, incrementPieceStat)', () => {
  it('the first piece counts at game start; each spawn counts its type', () => {
    const game = new Game({ seed: 0x8988, startLevel: 19 });
    expect(game.pieceCount).toBe(1);
    expect(game.stat(PIECE_TYPES.indexOf(game.pieceType!))).toBe(1);
    let pieces = game.pieceType!;
    while (!game.topOut) if ((game.step(0) & GameEvent.Spawn) !== 0) pieces += game.pieceType;
    for (let t = 0; t < 7; t++) expect(game.stat(t)).toBe(pieces.split(PIECE_TYPES[t]!).length - 1);
    expect(game.pieceCount).toBe(pieces.length);
  });

  it('a piece spawns at x=5, y=0 in its spawn orientation, the old next piece', () => {
    const game = gameWith({ startLevel: 29, autorepeatY: 0, vramRow: 32 });
    const next = game.nextType;
    stepUntil(game, GameEvent.Spawn);
    expect([game.pieceX, game.pieceY, game.pieceType]).toEqual([5, 0, next]);
    expect(view(game).piece?.orientation).toBe(
      [0x02, 0x07, 0x08, 0x0a, 0x0b, 0x0e, 0x12][PIECE_TYPES.indexOf(next)],
    );
  });
});

describe('top-out (playState_lockTetrimino overlap check)', () => {
  const fullStack = Array.from({ length: 20 }, (_, r) =>
    r % 2 === 0 ? '####.#####' : '#####.####',
  );

  it('a piece that spawns into the stack ends the game in the lock state', () => {
    const game = gameWith({ startLevel: 29, autorepeatY: 0, vramRow: 32, rows: fullStack });
    // The piece overlaps the stack where it is: it cannot move down, lands, then tops out.
    const log = run(game, 3);
    expect(log.map((l) => l.events)).toEqual([GameEvent.Land, GameEvent.TopOut, 0]);
    expect(game.topOut).toBe(true);
    expect(game.phase).toBe('topOut');
    expect(game.frame).toBe(2); // the top-out frame counts; later steps do nothing
    expect(game.step(Button.Left)).toBe(0);
    expect(game.frame).toBe(2);
  });

  it('replay frames count the top-out frame and ignore later inputs', () => {
    const a = runReplay({ version: 1, seed: '8988', startLevel: 29, inputs: [[100_000, 0]] });
    const b = runReplay({
      version: 1,
      seed: '8988',
      startLevel: 29,
      inputs: [
        [a.frames, 0],
        [50, 1],
      ],
    });
    expect(a.topOut).toBe(true);
    expect(b).toEqual(a);
    const c = runReplay({ version: 1, seed: '8988', startLevel: 29, inputs: [[a.frames - 1, 0]] });
    expect(c.topOut).toBe(false);
  });

  it('pieces may lock above row 0 into the hidden bytes and the game goes on', () => {
    // An I rotated vertical at row 0 sticks 2 cells above the well; a stack underneath stops it.
    const rows = Array.from({ length: 18 }, () =>
      '#####.####'.replace('.', '#').replace(/^#/, '.'),
    );
    const game = gameWith({
      orientation: 0x12,
      x: 5,
      y: 0,
      autorepeatY: 0,
      vramRow: 32,
      startLevel: 0,
      rows,
    });
    run(game, 1, Button.A);
    expect(game.orientation).toBe(0x11);
    stepUntil(game, GameEvent.Lock, 0);
    const snap = game.snapshot();
    expect(snap.board.slice(236, 256).replace(/0/g, '')).toBe('77'); // rows -2 and -1, column 5
    expect(game.topOut).toBe(false);
  });
});

describe('points use the level after a level-up from the same clear (addLineClearPoints)', () => {
  it('a tetris from 8 lines at level 0 scores 1200 x 2', () => {
    const rows = ['#########.', '#########.', '#########.', '#########.'];
    // I vertical ($11) in column 9 above the gap: cells rows y-2..y+1.
    const game = gameWith({
      orientation: 0x11,
      x: 9,
      y: 5,
      autorepeatY: 0,
      vramRow: 32,
      lines: 8,
      rows,
    });
    const log = run(game, 800);
    expect(framesWith(log, GameEvent.LinesCleared)).toHaveLength(1);
    expect(game.lastClearCount).toBe(4);
    expect([game.lines, game.level, game.score]).toEqual([12, 1, 2400]);
    expect(framesWith(log, GameEvent.LevelUp)).toEqual(framesWith(log, GameEvent.LinesCleared));
  });
});
