import { describe, expect, it } from 'vitest';
import { opponentStatus } from './opponent-status.ts';

describe('opponentStatus', () => {
  const p = {
    left: false,
    connected: true,
    phase: 'playing',
    selectedLevel: 3,
    score: 120,
  } as const;
  it('describes the opponent', () => {
    expect(opponentStatus(null)).toBe('waiting for an opponent');
    expect(opponentStatus(p)).toBe('playing');
    expect(opponentStatus({ ...p, phase: 'choosing' })).toBe('choosing a level (on 3)');
    expect(opponentStatus({ ...p, phase: 'ready' })).toBe('ready at level 3');
    expect(opponentStatus({ ...p, phase: 'over' })).toBe('topped out with 120');
    expect(opponentStatus({ ...p, connected: false })).toBe('reconnecting');
    expect(opponentStatus({ ...p, left: true })).toBe('left the game');
  });
});
