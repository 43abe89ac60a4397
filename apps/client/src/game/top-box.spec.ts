import { describe, expect, it } from 'vitest';
import { Button } from '@tengen/engine';
import { SimDriver } from './sim-driver.ts';

/** A driver whose game soft-drops to a top-out at level 19 (every landed drop scores). */
function played(kind: 'play' | 'demo' | 'replay'): SimDriver {
  const d = new SimDriver({
    seed: 0x1234,
    startLevel: 19,
    buttons: () => Button.Down,
    kind,
    top: 5,
  });
  while (!d.sim.game.topOut) d.stepOne();
  return d;
}

describe('the TOP box', () => {
  it('rises with the score in the player’s own game', () => {
    const d = played('play');
    expect(d.sim.game.score).toBeGreaterThan(5);
    expect(d.frame().top).toBe(d.sim.game.score);
  });

  it.each(['demo', 'replay'] as const)('stays the player’s best during a %s', (kind) => {
    const d = played(kind);
    expect(d.sim.game.score).toBeGreaterThan(5);
    expect(d.frame().top).toBe(5);
  });
});
