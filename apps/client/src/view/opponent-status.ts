import type { PlayerStateShape } from '@tengen/protocol';

/** The opponent's situation in words, for the HUD mirror and screen readers. */
export function opponentStatus(
  p: Pick<PlayerStateShape, 'left' | 'connected' | 'phase' | 'selectedLevel' | 'score'> | null,
): string {
  if (p === null) return 'waiting for an opponent';
  if (p.left) return 'left the game';
  if (!p.connected) return 'reconnecting';
  switch (p.phase) {
    case 'choosing':
      return `choosing a level (on ${p.selectedLevel})`;
    case 'ready':
      return `ready at level ${p.selectedLevel}`;
    case 'playing':
      return 'playing';
    case 'over':
      return `topped out with ${p.score ?? 0}`;
    default: {
      const never: never = p.phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
}
