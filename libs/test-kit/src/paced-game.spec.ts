import { Game, PieceQueue } from '@tengen/engine';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_FRAMES, FAST_LEAD_FRAMES, PacedGame } from './paced-game.ts';

/** A level-0 game over a known deal, a clock the test moves, and every frame handed on. */
function setup(pieces = Array.from({ length: 200 }, (_, i) => i % 7)) {
  let now = 1000;
  const queue = new PieceQueue();
  queue.add(0, pieces);
  const game = new Game({ startLevel: 0, pieces: queue, version: 2 });
  const frames: [number, number][] = [];
  let topOuts = 0;
  const paced = new PacedGame(game, {
    onFrame: (f, b) => frames.push([f, b]),
    onTopOut: () => topOuts++,
    now: () => now,
  });
  const advanceMs = (ms: number) => (now += ms);
  return { paced, game, frames, advanceMs, topOuts: () => topOuts };
}
const msFor = (frames: number) => (frames * 1000) / FRAMES_PER_SECOND;

describe('PacedGame', () => {
  it('realtime: plays the NES frame rate since the start plus the lead, handing on every frame', () => {
    const { paced, game, frames, advanceMs } = setup();
    paced.advance({ botFrames: 0 });
    expect(game.frame).toBe(DEFAULT_LEAD_FRAMES);
    advanceMs(msFor(30) + 1);
    paced.advance({ botFrames: 0, leadFrames: 0 });
    expect(game.frame).toBe(DEFAULT_LEAD_FRAMES); // the clock (30) is still behind the game
    paced.advance({ botFrames: 0 });
    expect(game.frame).toBe(DEFAULT_LEAD_FRAMES + 30);
    expect(frames.map(([f]) => f)).toEqual(Array.from({ length: game.frame }, (_, i) => i));
  });

  it('fast: runs as far ahead as the server allows, less one batch', () => {
    const { paced, game } = setup();
    paced.advance({ pace: 'fast', botFrames: 0 });
    expect(game.frame).toBe(FAST_LEAD_FRAMES);
    expect(FAST_LEAD_FRAMES).toBeGreaterThan(DEFAULT_LEAD_FRAMES);
  });

  it('holds its clock while paused and stops at untilFrame', () => {
    const { paced, game, advanceMs } = setup();
    paced.holdClock(true);
    advanceMs(msFor(600));
    paced.advance({ leadFrames: 0 });
    expect(game.frame).toBe(0);
    paced.holdClock(false);
    advanceMs(msFor(60) + 1);
    expect(paced.advance({ leadFrames: 0, botFrames: 0 })).toBe(true);
    expect(game.frame).toBe(60);
    advanceMs(msFor(600));
    expect(paced.advance({ leadFrames: 0, untilFrame: 100 })).toBe(false);
    expect(game.frame).toBe(100);
  });

  it('records run-length inputs as a replay does, and reports the top-out once', () => {
    const { paced, advanceMs, topOuts } = setup();
    paced.step(0);
    paced.step(0);
    paced.step(1);
    expect(paced.recorded()).toEqual([
      [2, 0],
      [1, 1],
    ]);
    advanceMs(msFor(60 * 120));
    paced.advance({ botFrames: 0, leadFrames: 0 });
    expect(paced.game.topOut).toBe(true);
    expect(topOuts()).toBe(1);
    expect(paced.recorded().reduce((n, [c]) => n + c, 0)).toBe(paced.game.frame);
  });

  it('waits for pieces the server has not dealt, counting the stall once', () => {
    const { paced, game, advanceMs } = setup([0, 1, 2]);
    advanceMs(msFor(60 * 60));
    paced.advance({ botFrames: 0, leadFrames: 0 });
    expect(game.needsPiece).toBe(true);
    const at = game.frame;
    paced.advance({ botFrames: 0, leadFrames: 0 });
    expect(game.frame).toBe(at);
    expect(paced.stalls).toBe(1);
    expect(() => paced.step(0)).toThrow(/no piece from the server yet/);
  });

  it('a resumed game starts its clock at clockFrame', () => {
    const queue = new PieceQueue();
    queue.add(0, [0, 1, 2, 3, 4, 5, 6]);
    const game = new Game({ startLevel: 0, pieces: queue, version: 2 });
    const paced = new PacedGame(game, { onFrame: () => undefined, now: () => 5000 }, 300);
    expect(paced.due(0)).toBe(300);
  });

  it('throws the reason `closed` gives while playing', async () => {
    const queue = new PieceQueue();
    queue.add(0, [0, 1, 2, 3, 4, 5, 6]);
    const paced = new PacedGame(new Game({ startLevel: 0, pieces: queue, version: 2 }), {
      onFrame: () => undefined,
      closed: () => 'connection closed (4000)',
    });
    await expect(paced.play()).rejects.toThrow('connection closed (4000) during play');
  });
});
