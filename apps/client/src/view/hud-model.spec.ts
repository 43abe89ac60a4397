import { describe, expect, it } from 'vitest';
import { Button, Game, view } from '@tengen/engine';
import { hudModel, hudSentence, phaseLabel } from './hud-model.ts';
import { playerFrame, type FrameExtras } from './player-frame.ts';

const extras: FrameExtras = { top: 0, name: '', paused: false, framesSinceTopOut: 0 };

describe('hudModel', () => {
  it('reads score, lines, level and next from a frame', () => {
    const game = new Game({ seed: 0x8988, startLevel: 7 });
    const f = playerFrame(view(game), extras);
    const m = hudModel(f, 'play');
    expect(m).toEqual({
      score: '0',
      lines: '0',
      level: '7',
      next: game.nextType,
      phase: 'PLAYING',
    });
    expect(hudSentence(m)).toBe(`Score 0, lines 0, level 7, next ${game.nextType}, playing`);
  });

  it('names the phase', () => {
    const game = new Game({ seed: 0x8988, startLevel: 19 });
    const v = view(game);
    expect(phaseLabel(playerFrame(v, { ...extras, paused: true }), 'play')).toBe('PAUSED');
    expect(hudModel(playerFrame(v, { ...extras, paused: true }), 'play').next).toBe('-');
    expect(phaseLabel(playerFrame(v, { ...extras, overlay: 'WAITING' }), 'play')).toBe('WAITING');
    expect(phaseLabel(playerFrame(v, { ...extras, overlay: 'GONE' }), 'play')).toBe('LEFT');
    expect(phaseLabel(playerFrame(v, extras), 'demo')).toBe('DEMO');
    expect(phaseLabel(playerFrame(v, extras), 'replay')).toBe('REPLAY');
    while (!game.topOut) game.step(Button.Down);
    expect(phaseLabel(playerFrame(view(game), extras), 'play')).toBe('GAME OVER');
  });
});
