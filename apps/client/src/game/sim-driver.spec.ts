import { describe, expect, it, vi } from 'vitest';
import { Button, GameEvent, runReplay } from '@tengen/engine';
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
});
