import type { GameMode } from '@tengen/protocol';
import type { SubmitResult } from '../game/backend.ts';

/** What the player reads after submitting: the rank, or that a kept score appears shortly. */
export function submittedText(name: string, r: SubmitResult, board: GameMode): string {
  switch (r.kind) {
    case 'stored':
      return `Saved: ${name} scored ${r.score}, rank #${r.rank} on the ${board} board.`;
    case 'queued':
      return `Saved: ${name} scored ${r.score}. The scoreboard is busy; your score will appear on the ${board} board shortly.`;
    default: {
      const never: never = r;
      throw new Error(`unknown submit result ${JSON.stringify(never)}`);
    }
  }
}
