import { Button, ENGINE_VERSION, Game } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { PlayerSim } from './player-sim.ts';

describe('PlayerSim rules version', () => {
  it('a game this page starts (offline, demo) plays the current rules and records them', () => {
    const sim = new PlayerSim({ seed: 0x8988, startLevel: 5 });
    expect(sim.game.version).toBe(ENGINE_VERSION);
    sim.step(Button.Down | Button.Left | Button.Right);
    expect(sim.replay().version).toBe(ENGINE_VERSION);
  });

  it('a replay or a server start names its version, and a resumed game keeps its own', () => {
    expect(new PlayerSim({ seed: 0x8988, startLevel: 5, version: 1 }).game.version).toBe(1);
    const v1 = new Game({ seed: 0x8988, startLevel: 5, version: 1 });
    v1.step(0);
    const resumed = new PlayerSim({ seed: 0x8988, startLevel: 5 }, v1.snapshot());
    expect(resumed.game.version).toBe(1);
  });
});
