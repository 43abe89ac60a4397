import { describe, expect, it } from 'vitest';
import { Button, Game } from '@tengen/engine';
import { packBoard, type PlayerStateShape } from '@tengen/protocol';
import { playerStatus } from '../testing/player-status.ts';
import { composeWell } from './player-frame.ts';
import { idleFrame, remoteFrame, remoteOverlay } from './remote-frame.ts';

/** A room-state entry projected from a real engine game (as the server does). */
function stateOf(game: Game, over = {}): PlayerStateShape {
  const v = game.view();
  return {
    ...playerStatus({ phase: game.topOut ? 'over' : 'playing', selectedLevel: game.startLevel }),
    frame: game.frame,
    board: packBoard(v.board),
    piece: v.piece?.typeIndex ?? -1,
    orientation: v.piece?.orientation ?? 0,
    x: v.piece?.x ?? 0,
    y: v.piece?.y ?? 0,
    next: game.nextTypeIndex,
    score: game.score,
    lines: game.lines,
    level: game.level,
    startLevel: game.startLevel,
    stats: v.stats,
    ...over,
  };
}

const extras = { paused: false, framesSinceOver: 0, top: 0, name: 'rival' };

describe('remoteFrame', () => {
  it('draws the same well as the local renderer for the same game', () => {
    const game = new Game({ seed: 0x8988, startLevel: 5 });
    for (let i = 0; i < 300; i++) game.step(i % 40 < 3 ? Button.Left : i % 50 < 2 ? Button.A : 0);
    const f = remoteFrame(stateOf(game), extras);
    expect(Array.from(f.cells)).toEqual(Array.from(composeWell(game.view(), new Uint8Array(200))));
    expect(f.next).toBe(game.nextTypeIndex);
    expect(f.level).toBe(5);
    expect(f.name).toBe('rival');
    expect(f.overlay).toBeNull();
  });

  it('hides a paused board and shows the curtain after a top-out', () => {
    const game = new Game({ seed: 0x8988, startLevel: 19 });
    expect(remoteFrame(stateOf(game), { ...extras, paused: true })).toMatchObject({
      hidden: true,
      overlay: 'PAUSED',
      next: -1,
    });
    while (!game.topOut) game.step(Button.Down);
    const f = remoteFrame(stateOf(game), { ...extras, framesSinceOver: 12 });
    expect(f.overlay).toBe('GAME OVER');
    expect(f.curtain).toBe(4);
  });

  it('draws an empty game while only the status fields have arrived', () => {
    const status = playerStatus({ selectedLevel: 4, startLevel: 4 });
    const f = remoteFrame(status, extras);
    expect(f.cells.every((c) => c === 0)).toBe(true);
    expect(f).toMatchObject({ score: 0, level: 4, next: -1, overlay: null });
  });

  it('shows the level cursor while choosing', () => {
    const game = new Game({ seed: 0x8988, startLevel: 0 });
    const f = remoteFrame(stateOf(game, { phase: 'choosing', selectedLevel: 12 }), extras);
    expect(f).toMatchObject({ overlay: 'CHOOSING', level: 12, next: -1 });
  });
});

describe('remoteOverlay', () => {
  it('names every phase and connection state', () => {
    const base = { left: false, connected: true } as const;
    expect(remoteOverlay({ ...base, phase: 'ready' }, false)).toBe('READY');
    expect(remoteOverlay({ ...base, phase: 'playing' }, false)).toBeNull();
    expect(remoteOverlay({ ...base, phase: 'playing', connected: false }, false)).toBe('WAITING');
    expect(remoteOverlay({ ...base, phase: 'playing', left: true }, false)).toBe('GONE');
  });
});

describe('idleFrame', () => {
  it('is an empty well with a status box', () => {
    const f = idleFrame(7, 'READY', 'you', 1000);
    expect(f.cells.every((c) => c === 0)).toBe(true);
    expect(f).toMatchObject({ level: 7, overlay: 'READY', top: 1000, name: 'you' });
  });
});
