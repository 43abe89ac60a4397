import { describe, expect, it } from 'vitest';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { Button, runReplay, type Game, type Replay } from '@tengen/engine';
import { playGame } from '@tengen/bot';
import { gameForReplay } from '../game/replay-game.ts';
import { FRAME_MS } from '../loop/frame-clock.ts';
import { ReplayTheater, THEATER_SPEEDS } from './replay-theater.ts';
import { ReplayTimeline } from './replay-timeline.ts';

// One bot game with line clears and level-ups, shared by the tests (simulated once).
const { replay, summary } = playGame({ seed: 0x2222, startLevel: 0, maxFrames: 12_000 });
const timeline = new ReplayTimeline(replay, 120);

/** The game after `frames` frames, stepped straight from the start (the reference). */
function straight(r: Replay, frames: number): Game {
  const g = gameForReplay(r);
  for (let f = 0; f < frames; f++) g.step(timeline.buttons[f]!);
  return g;
}

describe('ReplayTimeline', () => {
  it('verifies the replay as the engine does', () => {
    const run = runReplay(replay);
    expect(timeline.result).toEqual({
      score: run.score,
      lines: run.lines,
      level: run.level,
      frames: run.frames,
      topOut: run.topOut,
    });
    expect(timeline.result.score).toBe(summary.score);
  });

  it('marks every line clear and level-up at the frame it happened', () => {
    const clears = timeline.marks.filter((m) => m.kind === 'clear');
    expect(clears.reduce((a, m) => a + m.value, 0)).toBe(timeline.result.lines);
    expect(timeline.marks.some((m) => m.kind === 'levelUp')).toBe(true);
    for (const m of clears) {
      expect(straight(replay, m.frame).lines + m.value).toBe(straight(replay, m.frame + 1).lines);
    }
  });

  it('ignores inputs after the top-out and plays a replay without inputs', () => {
    const r: Replay = { version: 1, seed: '1234', startLevel: 19, inputs: [[20_000, Button.Down]] };
    const t = new ReplayTimeline(r);
    expect(t.result.topOut).toBe(true);
    expect(t.length).toBeLessThan(20_000);
    expect(t.buttons.length).toBe(t.length);
    const empty = new ReplayTimeline({ ...r, inputs: [] });
    expect(empty.length).toBe(0);
    expect(new ReplayTheater(empty).stats().totalPieces).toBe(1);
  });
});

describe('ReplayTheater', () => {
  it('plays at 1x in real time and stops at the end', () => {
    const th = new ReplayTheater(timeline);
    th.play();
    th.tick(0);
    let stepped = 0;
    for (let t = 1; t <= 10; t++) stepped += th.tick(t * FRAME_MS);
    expect(stepped).toBe(10);
    expect(th.frame).toBe(10);
    th.pause();
    expect(th.tick(100 * FRAME_MS)).toBe(0);
    th.seek(timeline.length - 3);
    th.play();
    th.tick(0);
    th.tick(200 * FRAME_MS);
    expect(th.atEnd).toBe(true);
    expect(th.playing).toBe(false);
    expect(th.game.score).toBe(timeline.result.score);
  });

  it.each([
    { speed: 8, ticks: 10, frames: 80 },
    { speed: 0.25, ticks: 40, frames: 10 },
  ])('plays $frames frames in $ticks frame times at $speed x', ({ speed, ticks, frames }) => {
    const th = new ReplayTheater(timeline);
    th.setSpeed(speed);
    th.play();
    th.tick(0);
    for (let t = 1; t <= ticks; t++) th.tick(t * FRAME_MS);
    expect(th.frame).toBe(frames);
  });

  it('offers 0.25x to 8x and refuses other speeds', () => {
    const th = new ReplayTheater(timeline);
    expect([THEATER_SPEEDS[0], THEATER_SPEEDS.at(-1)]).toEqual([0.25, 8]);
    expect(() => th.setSpeed(16)).toThrow(RangeError);
    for (let i = 0; i < 10; i++) th.changeSpeed(1);
    expect(th.speed).toBe(8);
    for (let i = 0; i < 10; i++) th.changeSpeed(-1);
    expect(th.speed).toBe(0.25);
  });

  it('seeks backwards and forwards to the same state as playing straight there', () => {
    const th = new ReplayTheater(timeline);
    for (const f of [900, 37, 2000, 1999, 121, 120, 0, timeline.length]) {
      th.seek(f);
      const ref = straight(replay, f);
      expect(th.frame).toBe(f);
      expect(th.game.snapshot()).toEqual(ref.snapshot());
    }
    th.seek(-5);
    expect(th.frame).toBe(0);
    th.seek(timeline.length + 99);
    expect(th.frame).toBe(timeline.length);
  });

  it('steps one frame forward and back, pausing', () => {
    const th = new ReplayTheater(timeline);
    th.seek(500);
    th.play();
    th.step(1);
    expect(th.playing).toBe(false);
    expect(th.game.snapshot()).toEqual(straight(replay, 501).snapshot());
    th.step(-1);
    th.step(-1);
    expect(th.game.snapshot()).toEqual(straight(replay, 499).snapshot());
  });

  it('jumps from mark to mark: each line clear shows its lines', () => {
    const th = new ReplayTheater(timeline);
    const clears = timeline.marks.filter((m) => m.kind === 'clear');
    let lines = 0;
    const seen: number[] = [];
    while (th.jump(1)) {
      const m = timeline.marks.find((k) => k.frame + 1 === th.frame)!;
      if (m.kind === 'clear') {
        lines += m.value;
        expect(th.game.lines).toBe(lines);
      }
      seen.push(th.frame);
    }
    expect(seen.length).toBe(new Set(timeline.marks.map((m) => m.frame)).size);
    expect(lines).toBe(clears.reduce((a, m) => a + m.value, 0));
    expect(th.jump(-1)).toBe(true);
    expect(th.frame).toBeLessThan(seen.at(-1)!);
  });

  it('gives the statistics at the frame shown, the same forwards and after seeking back', () => {
    const th = new ReplayTheater(timeline);
    th.seek(timeline.length);
    const end = th.stats();
    expect(end.totalPieces).toBe(th.game.pieceCount);
    expect(end.lines).toBe(timeline.result.lines);
    expect(end.piecesPerMinute).toBeCloseTo(
      (th.game.pieceCount * 60 * FRAMES_PER_SECOND) / timeline.length,
      6,
    );
    th.seek(1000);
    const mid = th.stats();
    expect(mid.totalPieces).toBe(th.game.pieceCount);
    expect(mid.lines).toBe(th.game.lines);
    th.seek(timeline.length);
    expect(th.stats()).toEqual(end);
  });

  it('reports sounds only for frames played, not for seeks', () => {
    let events = 0;
    const th = new ReplayTheater(timeline, { onEvents: () => events++ });
    th.seek(3000);
    expect(events).toBe(0);
    th.play();
    th.tick(0);
    th.tick(60 * FRAME_MS);
    expect(events).toBeGreaterThan(0);
  });
});
