import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import { PieceQueue, SeededPieces } from './piece-source.ts';
import { PlayState } from './play-state.ts';
import { runReplay } from './replay-run.ts';
import { withoutGenerator, type GameSnapshot } from './snapshot.ts';
import { framesWith, gameWith, run, type Setup } from './test-kit.ts';
import { ENGINE_VERSION } from './versions.ts';

// Version 2 models the frame the US ROM loses after exactly Down+Left+Right (controller byte $07):
// gameModeState_checkForResetKeyCombo returns with A = heldButtons_player1, the main loop compares
// A with gameModeState (just incremented to 7) and, equal, waits for the NMI in the middle of its
// pass. The next frame resumes at state 7 (start button) and 8 (wait for NMI): no gameplay pass,
// while the NMI still copies rows, animates the clear, counts the frame and polls the controller.
const DLR = Button.Down | Button.Left | Button.Right;

/** A version-2 game in a chosen position (see `gameWith`). */
function v2With(setup: Setup = {}): Game {
  return gameWith({ engineVersion: 2, lagFrame: false, ...setup });
}

function snap(game: Game): GameSnapshot {
  return game.snapshot();
}

describe('version 2: the frame lost after exactly Down+Left+Right', () => {
  it('new games are version 2; omitting the version gives version 1', () => {
    expect(ENGINE_VERSION).toBe(2);
    expect(new Game({ seed: 0x8988, startLevel: 0, version: 2 }).version).toBe(2);
    expect(new Game({ seed: 0x8988, startLevel: 0 }).version).toBe(1);
    expect(() => new Game({ seed: 1, startLevel: 0, version: 3 as never })).toThrow(
      /version must be 1 or 2/,
    );
  });

  it('holding the three runs the game at half speed: every other frame is lost', () => {
    const game = v2With({ autorepeatY: 0, fallTimer: 0 });
    const timers: number[] = [];
    for (let i = 0; i < 6; i++) {
      game.step(DLR);
      timers.push(snap(game).fallTimer);
    }
    // Frame 0 runs (timer 1) and leaves frame 1 without a pass; frame 2 runs, frame 3 is lost ...
    expect(timers).toEqual([1, 1, 2, 2, 3, 3]);
    expect(game.frame).toBe(6);
  });

  it('no fall timer on the lost frame: gravity takes twice as many frames', () => {
    // Level 0: a row every 48 fall-timer counts.
    const v1 = gameWith({ autorepeatY: 0, fallTimer: 0 });
    const v2 = v2With({ autorepeatY: 0, fallTimer: 0 });
    expect(framesWith(run(v1, 100, DLR), GameEvent.Fall)).toEqual([47, 95]);
    expect(framesWith(run(v2, 100, DLR), GameEvent.Fall)).toEqual([94]);
  });

  it('only exactly Down+Left+Right: with A, B or one direction less, no frame is lost', () => {
    for (const b of [DLR | Button.A, DLR | Button.B, Button.Left | Button.Right, Button.Down]) {
      const game = v2With({ autorepeatY: 0, fallTimer: 0 });
      for (let i = 0; i < 4; i++) {
        game.step(b);
        expect(snap(game).lagFrame).toBe(false);
      }
    }
  });

  it('version 1 never loses a frame', () => {
    const game = gameWith({ autorepeatY: 0, fallTimer: 0 });
    run(game, 6, DLR);
    expect(snap(game).fallTimer).toBe(6);
    expect(snap(game)).not.toHaveProperty('lagFrame');
  });

  it('no shift on the lost frame: a charged DAS shifts one frame later', () => {
    // autorepeatX 15: the next held frame without Down reaches DAS_RESET and shifts.
    const script = (i: number) => (i === 0 ? DLR : Button.Right);
    const v1 = gameWith({ x: 5, autorepeatX: 15 });
    const v2 = v2With({ x: 5, autorepeatX: 15 });
    expect(framesWith(run(v1, 3, script), GameEvent.Shift)).toEqual([1]);
    expect(framesWith(run(v2, 3, script), GameEvent.Shift)).toEqual([2]);
    expect(v2.pieceX).toBe(6);
  });

  it('no rotation on the lost frame, and a press made on it is swallowed', () => {
    // Frame 1 presses A (newly pressed: A was not held on frame 0) and frame 2 still holds it.
    const script = (i: number) => (i === 0 ? DLR : DLR | Button.A);
    const v1 = gameWith({ x: 5, y: 5 });
    const v2 = v2With({ x: 5, y: 5 });
    const before = v2.orientation;
    expect(framesWith(run(v1, 4, script), GameEvent.Rotate)).toEqual([1]);
    expect(framesWith(run(v2, 4, script), GameEvent.Rotate)).toEqual([]);
    expect(v2.orientation).toBe(before);
    // A press on the frame after the lost one is seen: the held state came from the lost frame.
    const v2b = v2With({ x: 5, y: 5 });
    const log = run(v2b, 3, (i) => [DLR, 0, Button.A][i]!);
    expect(framesWith(log, GameEvent.Rotate)).toEqual([2]);
  });

  it('no first-piece wait count on the lost frame (drop_tetrimino does not run)', () => {
    // Down+Left+Right already held (so Down is not newly pressed): the wait counts on passes only.
    const v1 = gameWith({ held: DLR, autorepeatY: -90 });
    const v2 = v2With({ held: DLR, autorepeatY: -90 });
    run(v1, 4, DLR);
    run(v2, 4, DLR);
    expect(snap(v1).autorepeatY).toBe(-86);
    expect(snap(v2).autorepeatY).toBe(-88);
  });

  it('no lock on the lost frame: the piece is written one frame later', () => {
    // Landed piece, row copy at 16: frame 0 waits for the copy, the vblank completes it.
    const setup: Setup = { y: 18, playState: PlayState.Lock, vramRow: 16, autorepeatY: 0 };
    const v1 = gameWith(setup);
    const v2 = v2With(setup);
    expect(framesWith(run(v1, 3, DLR), GameEvent.Lock)).toEqual([1]);
    expect(framesWith(run(v2, 3, DLR), GameEvent.Lock)).toEqual([2]);
  });

  it('the frame counter, row copy and clear animation still advance on the lost frame', () => {
    const v2 = v2With({ vramRow: 0, playState: PlayState.Spawn });
    v2.step(DLR);
    expect(snap(v2)).toMatchObject({ vramRow: 4, lagFrame: true, frame: 1 });
    v2.step(0); // lost: spawn waits for the copy anyway, but the copy goes on
    expect(snap(v2)).toMatchObject({ vramRow: 8, lagFrame: false, frame: 2, held: 0 });

    // A line clear: the animation steps on frames with frameCounter % 4 == 0, in the vblank.
    const clearing = { playState: PlayState.LineClear, rowY: 0, vramRow: 0, frame: 4 };
    const a = gameWith(clearing);
    const b = v2With(clearing);
    const stepsA = framesWith(run(a, 20, DLR), GameEvent.ClearStep);
    const stepsB = framesWith(run(b, 20, DLR), GameEvent.ClearStep);
    expect(stepsA).toEqual([4, 8, 12, 16, 20]);
    expect(stepsB).toEqual(stepsA);
    expect(b.playState).not.toBe('lineClear');
  });

  it('a snapshot between the two frames restores the pending lost frame', () => {
    const a = v2With({ autorepeatY: 0 });
    a.step(DLR);
    const data = JSON.parse(JSON.stringify(a.snapshot())) as GameSnapshot;
    expect(data).toMatchObject({ engineVersion: 2, lagFrame: true });
    const b = Game.restore(data);
    expect(b.version).toBe(2);
    for (const x of [Button.A, DLR, 0, DLR]) expect(b.step(x)).toBe(a.step(x));
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(() => Game.restore({ ...data, lagFrame: undefined })).toThrow(
      /snapshot.lagFrame must be a boolean/,
    );
    expect(() => Game.restore({ ...data, engineVersion: 1 })).toThrow(
      /lagFrame does not exist under engineVersion 1/,
    );
  });

  it('a fed game does not wait for a piece on a lost frame (nothing spawns then)', () => {
    // Spawn due (row copy done) but this frame is lost: the piece it would draw is not needed yet.
    const seeded = v2With({ playState: PlayState.Spawn, vramRow: 32, lagFrame: true });
    const queue = new PieceQueue(0);
    queue.add(0, new SeededPieces(0x8988).slice(0, 2));
    const fed = Game.restore(withoutGenerator(seeded.snapshot()), queue);
    expect(fed.needsPiece).toBe(false);
    expect(fed.step(0)).toBe(0);
    expect(fed.frame).toBe(1);
    expect(fed.needsPiece).toBe(true);
    expect(fed.step(0)).toBe(GameEvent.NeedsPiece);
  });

  it('a replay runs under its own version', () => {
    const inputs: [number, number][] = [
      [300, DLR],
      [3000, 0],
    ];
    const byHand = (version: 1 | 2) => {
      const game = new Game({ seed: 0x8988, startLevel: 15, version });
      for (const [n, b] of inputs) for (let i = 0; i < n && !game.topOut; i++) game.step(b);
      return [game.score, game.lines, game.level, game.frame, game.topOut];
    };
    const v1 = runReplay({ version: 1, seed: '8988', startLevel: 15, inputs });
    const v2 = runReplay({ version: 2, seed: '8988', startLevel: 15, inputs });
    expect([v1.score, v1.lines, v1.level, v1.frames, v1.topOut]).toEqual(byHand(1));
    expect([v2.score, v2.lines, v2.level, v2.frames, v2.topOut]).toEqual(byHand(2));
    // Half the first 300 frames lose their pass under version 2: the stack grows later.
    expect(v2.frames).toBeGreaterThan(v1.frames);
  });
});
