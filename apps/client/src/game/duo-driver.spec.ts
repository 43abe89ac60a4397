import { describe, expect, it } from 'vitest';
import type { PlayerStateShape } from '@tengen/protocol';
import { FRAME_MS } from '../loop/frame-clock.ts';
import { playerStatus } from '../testing/player-status.ts';
import { idleFrame } from '../view/remote-frame.ts';
import { DuoDriver, type DuoSource } from './duo-driver.ts';
import { SimDriver } from './sim-driver.ts';

const status = (phase: PlayerStateShape['phase']): PlayerStateShape =>
  playerStatus({ phase, selectedLevel: 3, startLevel: 3 });

function source(opp: PlayerStateShape | null, paused = false): DuoSource {
  return {
    opponent: () => opp,
    paused: () => paused,
    idle: () => idleFrame(0, 'CHOOSING', 'YOU', 0),
    opponentName: () => 'RIVAL',
  };
}

describe('DuoDriver', () => {
  it('draws the idle panel and an empty opponent before anyone plays', () => {
    const d = new DuoDriver(source(null));
    const [me, opp] = d.tick(0);
    expect(me!.overlay).toBe('CHOOSING');
    expect(opp!.overlay).toBe('WAITING');
    expect(d.playable).toBe(false);
  });

  it('runs the local game and lowers the opponent curtain on its own clock', () => {
    const d = new DuoDriver(source(status('over')));
    d.setLocal(new SimDriver({ seed: 1, startLevel: 0, buttons: () => 0, human: true }));
    let frames = d.tick(0);
    for (let i = 1; i <= 40; i++) frames = d.tick(i * FRAME_MS);
    expect(d.local!.sim.frame).toBe(40);
    expect(frames[1]!.overlay).toBe('GAME OVER');
    expect(frames[1]!.curtain).toBe(11);
    expect(d.playable).toBe(true);
  });

  it('shows a paused opponent board hidden', () => {
    const d = new DuoDriver(source(status('playing'), true));
    expect(d.tick(0)[1]).toMatchObject({ overlay: 'PAUSED', hidden: true, name: 'RIVAL' });
  });
});
