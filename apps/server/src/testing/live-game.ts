import type { GameMode } from '@tengen/protocol';
import type { TestPlayer } from '@tengen/test-kit';

/**
 * How `GET /api/live` lists the room of `players` (in seat order) while each of them plays: each
 * player's level, score and lines as its own game has them.
 */
export function liveGameOf(mode: GameMode, players: readonly TestPlayer[], spectators: number) {
  return {
    roomId: players[0]?.room.roomId,
    mode,
    spectators,
    players: players.map((p) => ({
      phase: 'playing',
      level: p.game?.level,
      score: p.game?.score,
      lines: p.game?.lines,
    })),
  };
}
