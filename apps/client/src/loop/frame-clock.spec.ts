import { describe, expect, it } from 'vitest';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { FRAME_MS, FrameClock } from './frame-clock.ts';

/** Steps a clock with ticks every `periodMs` for `seconds`, returning frames stepped. */
function run(clock: FrameClock, periodMs: number, seconds: number, start = 1000): number {
  let frames = clock.advance(start);
  for (let t = start + periodMs; t <= start + seconds * 1000 + 1e-9; t += periodMs)
    frames += clock.advance(t);
  return frames;
}

describe('FrameClock', () => {
  it('uses the NTSC frame duration', () => {
    expect(FRAME_MS).toBeCloseTo(16.6393, 3);
  });

  it('first call sets the origin and steps nothing', () => {
    const c = new FrameClock();
    expect(c.advance(5000)).toBe(0);
    expect(c.advance(5000 + FRAME_MS)).toBe(1);
  });

  it.each([30, 60, 75, 120, 144, 240])(
    'runs 60.0988 frames per second on a %i Hz display',
    (hz) => {
      const frames = run(new FrameClock(), 1000 / hz, 10);
      expect(Math.abs(frames - FRAMES_PER_SECOND * 10)).toBeLessThanOrEqual(1);
    },
  );

  it('a 144 Hz display steps 0 or 1 frame per tick, never 2', () => {
    const c = new FrameClock();
    c.advance(0);
    const counts = new Set<number>();
    for (let i = 1; i <= 1440; i++) counts.add(c.advance((i * 1000) / 144));
    expect([...counts].sort()).toEqual([0, 1]);
  });

  it('is independent of jitter in the tick times', () => {
    const c = new FrameClock();
    let t = 0;
    let frames = c.advance(t);
    const jitter = [3, 9, 1, 14, 7, 22, 5, 16, 11, 2];
    for (let i = 0; i < 6000; i++) {
      t += jitter[i % jitter.length]!;
      frames += c.advance(t);
    }
    expect(Math.abs(frames - (t / 1000) * FRAMES_PER_SECOND)).toBeLessThanOrEqual(1);
  });

  it('caps catch-up after a stall and reports the dropped frames', () => {
    const c = new FrameClock({ maxCatchUp: 4 });
    c.advance(0);
    expect(c.advance(1000)).toBe(4);
    expect(c.droppedFrames).toBe(56);
    // Afterwards it runs normally again.
    expect(c.advance(1000 + FRAME_MS)).toBe(1);
  });

  it('reset forgets the origin so a pause does not fast-forward', () => {
    const c = new FrameClock();
    c.advance(0);
    c.advance(100);
    c.reset();
    expect(c.advance(60_000)).toBe(0);
    expect(c.advance(60_000 + 2 * FRAME_MS)).toBe(2);
  });

  it('treats a clock going backwards as a new origin', () => {
    const c = new FrameClock();
    c.advance(10_000);
    expect(c.advance(5)).toBe(0);
    expect(c.advance(5 + FRAME_MS)).toBe(1);
  });

  it('exposes the fraction of the next frame', () => {
    const c = new FrameClock({ frameMs: 10 });
    c.advance(0);
    c.advance(25);
    expect(c.alpha).toBeCloseTo(0.5);
  });

  it('rejects bad options', () => {
    expect(() => new FrameClock({ frameMs: 0 })).toThrow(RangeError);
    expect(() => new FrameClock({ maxCatchUp: 0 })).toThrow(RangeError);
  });
});
