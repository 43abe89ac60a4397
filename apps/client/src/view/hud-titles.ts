import type { FrameKind } from './hud-model.ts';

/**
 * Whose game each HUD group shows: "You" and "Opponent" only when this browser plays; the title demo
 * is the "Demo", a replay or a watched game is named after its player (the name plate), falling back
 * to "Replay" or "Player 1/2" when the plate is empty.
 */
export function hudTitles(kind: FrameKind, names: readonly string[]): [string, string] {
  const named = (i: number, fallback: string): string => names[i]?.trim() || fallback;
  switch (kind) {
    case 'play':
      return ['You', 'Opponent'];
    case 'demo':
      return ['Demo', 'Opponent'];
    case 'replay':
      return [named(0, 'Replay'), 'Opponent'];
    case 'watch':
      return [named(0, 'Player 1'), named(1, 'Player 2')];
    default: {
      const never: never = kind;
      throw new Error(`unknown frame kind ${String(never)}`);
    }
  }
}
