import type { PlayerStateShape } from '@tengen/protocol';

/**
 * Specs' starting point for a seated player in the room state: the status fields the server sends
 * before any game data (connected, playing, ranked, level 0, no series), with `over` on top.
 */
export function playerStatus(over: Partial<PlayerStateShape> = {}): PlayerStateShape {
  return {
    connected: true,
    left: false,
    phase: 'playing',
    selectedLevel: 0,
    startLevel: 0,
    ranked: true,
    submitted: false,
    rematch: false,
    wins: 0,
    losses: 0,
    draws: 0,
    ...over,
  };
}
