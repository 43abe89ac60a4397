import { describe, expect, it, vi } from 'vitest';
import { Button, GameEvent, PieceQueue, runReplay, SeededPieces } from '@tengen/engine';
import { FRAME_MS } from '../loop/frame-clock.ts';
import { SimDriver } from './sim-driver.ts';

describe('SimDriver', () => {
  it('steps frames by real time, not by tick count', () => {
    const d = new SimDriver({ seed: 0x8988, startLevel: 0, buttons: () => 0 });
    d.tick(0);
    for (let t = 1; t <= 144; t++) d.tick((t * 1000) / 144);
    expect(d.sim.frame).toBeGreaterThanOrEqual(59);
    expect(d.sim.frame).toBeLessThanOrEqual(61);
  });

  it('does not step while paused and does not fast-forward after', () => {
    const d = new SimDriver({ seed: 0x8988, startLevel: 0, buttons: () => 0 });
    d.tick(0);
    d.tick(10 * FRAME_MS);
    const before = d.sim.frame;
    d.setPaused(true);
    expect(d.tick(10_000)[0]!.hidden).toBe(true);
    expect(d.sim.frame).toBe(before);
    d.setPaused(false);
    d.tick(20_000);
    d.tick(20_000 + 2 * FRAME_MS);
    expect(d.sim.frame).toBe(before + 2);
  });

  it('streams every stepped frame with its buttons, and the replay matches the game', () => {
    const sent: [number, number][] = [];
    const d = new SimDriver({
      seed: 0x1234,
      startLevel: 19,
      buttons: (g) => (g.frame % 3 === 0 ? Button.Left : Button.Down),
      onStep: (f, b) => sent.push([f, b]),
    });
    while (!d.sim.game.topOut) d.stepOne();
    expect(sent.map(([f]) => f)).toEqual(sent.map((_, i) => i));
    const summary = runReplay(d.sim.replay());
    expect(summary.score).toBe(d.sim.game.score);
    expect(summary.frames).toBe(d.sim.game.frame);
    expect(summary.topOut).toBe(true);
  });

  it('reports events and calls game over once the curtain has closed', () => {
    const events = vi.fn();
    const over = vi.fn();
    const d = new SimDriver({
      seed: 0x1234,
      startLevel: 19,
      buttons: () => Button.Down,
      onEvents: events,
      onGameOver: over,
    });
    while (!d.sim.game.topOut) d.stepOne();
    expect(events.mock.calls.some(([ev]) => (ev & GameEvent.TopOut) !== 0)).toBe(true);
    expect(over).not.toHaveBeenCalled();
    for (let i = 0; i < 100; i++) d.stepOne();
    expect(over).toHaveBeenCalledTimes(1);
    expect(d.frame().curtain).toBe(20);
    expect(d.playable).toBe(false);
  });

  it('cannot pause a finished game', () => {
    const d = new SimDriver({
      seed: 0x1234,
      startLevel: 19,
      buttons: () => Button.Down,
      human: true,
    });
    expect(d.playable).toBe(true);
    while (!d.sim.game.topOut) d.stepOne();
    d.setPaused(true);
    expect(d.paused).toBe(false);
  });

  it('a game fed by the server waits for a late piece: no frame played, no input sampled, nothing sent', () => {
    const seq = new SeededPieces(0x4444);
    const queue = new PieceQueue();
    queue.add(0, seq.slice(0, 2));
    const sent: number[] = [];
    let sampled = 0;
    const d = new SimDriver({
      pieces: queue,
      startLevel: 19,
      buttons: () => (sampled++, 0),
      onStep: (f) => sent.push(f),
    });
    while (!d.sim.waiting) d.stepOne();
    const [frame, asked] = [d.sim.frame, sampled];
    for (let i = 0; i < 30; i++) d.stepOne();
    expect([d.sim.frame, sampled, sent.length]).toEqual([frame, asked, frame]);
    expect([d.stalls, d.stalledFrames]).toEqual([1, 30]);
    expect(d.frame().next).toBe(d.sim.game.nextTypeIndex); // the well shows the game as it stands
    queue.add(2, seq.slice(2, 3));
    d.stepOne();
    expect(d.sim.frame).toBe(frame + 1);
    expect(sent).toEqual(sent.map((_, i) => i));
    expect(() => d.sim.replay()).toThrow(/no seed/);
    expect(d.sim.inputs()).toEqual([[frame + 1, 0]]);
  });
});
