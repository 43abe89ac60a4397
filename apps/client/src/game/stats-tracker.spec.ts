import { describe, expect, it } from 'vitest';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { Button, Game, gameStats, statEventsOf, type StatEvent } from '@tengen/engine';
import { SimDriver } from './sim-driver.ts';
import { StatsTracker } from './stats-tracker.ts';

const press = (f: number): number =>
  f % 9 === 0 ? Button.Right : f % 13 === 0 ? Button.B : Button.Down;

describe('StatsTracker', () => {
  it("follows a driven game to the engine's own statistics of its events", () => {
    const d = new SimDriver({ seed: 0x1234, startLevel: 5, buttons: (g) => press(g.frame) });
    const ref = new Game({ seed: 0x1234, startLevel: 5 });
    const events: StatEvent[] = [{ kind: 'spawn', piece: ref.pieceTypeIndex }];
    for (let f = 0; f < 6000 && !ref.topOut; f++) {
      d.stepOne();
      events.push(...statEventsOf(ref.step(press(f)), ref));
    }
    expect(d.sim.game.frame).toBe(ref.frame);
    expect(d.stats()).toEqual(gameStats(events, ref.frame, FRAMES_PER_SECOND));
    expect(d.stats().totalPieces).toBe(ref.pieceCount);
  });

  it('starts a resumed game from its piece counts', () => {
    const g = new Game({ seed: 0x1234, startLevel: 5 });
    for (let f = 0; f < 2000; f++) g.step(press(f));
    const resumed = Game.restore(g.snapshot());
    const t = new StatsTracker(resumed);
    const s = t.stats(resumed.frame);
    expect(s.totalPieces).toBe(g.pieceCount);
    for (let i = 0; i < 7; i++) expect(s.pieces[i]).toBe(g.stat(i));
  });
});
