import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { framesWith, gameWith, run, stepUntil } from './test-kit.ts';

// shift_tetrimino: DAS_RESET 16, DAS_DELAY 10 (NTSC). A fresh game keeps the first piece at row 0
// for 96 frames, which leaves room to watch the horizontal timing alone.
describe('shift and DAS (shift_tetrimino)', () => {
  it('a new press shifts at once; holding shifts again after 16 frames, then every 6', () => {
    const game = gameWith({ x: 5 });
    const shifts = framesWith(run(game, 40, Button.Left), GameEvent.Shift);
    expect(shifts).toEqual([0, 16, 22, 28]);
    expect(game.pieceX).toBe(1); // T down spans x-1..x+1: x = 1 touches the left wall
  });

  it('holding Right mirrors Left', () => {
    const game = gameWith({ x: 5 });
    expect(framesWith(run(game, 30, Button.Right), GameEvent.Shift)).toEqual([0, 16, 22]);
    expect(game.pieceX).toBe(8);
  });

  it('tapping shifts every other frame (newly pressed = held now, not held before)', () => {
    const game = gameWith({ x: 5 });
    const log = run(game, 8, (i) => (i % 2 === 0 ? Button.Left : 0));
    expect(framesWith(log, GameEvent.Shift)).toEqual([0, 2, 4, 6]);
  });

  it('a blocked shift charges the counter to 16: the next held frame shifts (wall charge)', () => {
    const game = gameWith({ x: 2, orientation: 0x02 });
    run(game, 20, Button.Left); // frame 0 shifts to x=1; frame 16 is blocked by the wall
    expect(game.pieceX).toBe(1);
    // Rotating to T right ($01, columns x..x+1) frees the column: the charged counter shifts on
    // the very next held frame instead of waiting 6 (or 16) frames.
    run(game, 1, Button.Left | Button.B);
    expect(game.orientation).toBe(0x01);
    const log = run(game, 1, Button.Left);
    expect(framesWith(log, GameEvent.Shift)).toEqual([21]);
    expect(game.pieceX).toBe(0);
  });

  it('a charge survives release and carries into the next piece (DAS carry-over)', () => {
    // Empty well, level 19, no first-piece wait: hold Left until the wall, land, keep holding.
    const game = gameWith({ startLevel: 19, autorepeatY: 0, x: 5 });
    stepUntil(game, GameEvent.Land, Button.Left);
    expect(game.pieceX).toBe(1);
    // Through lock and entry delay the counter is untouched (only shift_tetrimino changes it).
    const spawnFrame = stepUntil(game, GameEvent.Spawn, Button.Left);
    const log = run(game, 14, Button.Left);
    // Charged at 16: the first controlled frame (spawn + 1) shifts, then every 6 frames.
    expect(framesWith(log, GameEvent.Shift)).toEqual([
      spawnFrame + 1,
      spawnFrame + 7,
      spawnFrame + 13,
    ]);
  });

  it('releasing does not reset the counter; only a new press does', () => {
    const game = gameWith({ x: 5 });
    run(game, 10, Button.Right); // press at frame 0 (counter 0), held through frame 9 (counter 9)
    run(game, 5, 0); // released: counter stays 9
    // Re-press: a new press shifts at once and resets the counter to 0.
    const log = run(game, 17, Button.Right);
    expect(framesWith(log, GameEvent.Shift)).toEqual([15, 31]);
  });

  it('nothing shifts while Down is held, and the counter is not touched', () => {
    const game = gameWith({ x: 5 });
    const log = run(game, 30, Button.Left | Button.Down);
    expect(framesWith(log, GameEvent.Shift)).toEqual([]);
    expect(game.pieceX).toBe(5);
    // Down released while Left stays held: Left is not newly pressed, the counter resumes from 0.
    const after = run(game, 17, Button.Left);
    expect(framesWith(after, GameEvent.Shift)).toEqual([45]);
  });

  it('Right wins when both are held; a new Left press with Right held shifts right', () => {
    const game = gameWith({ x: 5 });
    run(game, 1, Button.Right);
    expect(game.pieceX).toBe(6);
    run(game, 1, Button.Right | Button.Left);
    expect(game.pieceX).toBe(7);
  });
});
