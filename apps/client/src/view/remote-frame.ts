import { CELL_DX, CELL_DY } from '@tengen/engine';
import { EMPTY_BOARD, unpackBoard, type PlayerStateShape } from '@tengen/protocol';
import { curtainRows } from './effects.ts';
import { WELL_CELLS, type PlayerFrame, type WellOverlay } from './player-frame.ts';

const NO_STATS: readonly number[] = [0, 0, 0, 0, 0, 0, 0];

/** Presentation flags for a player known only through the room state. */
export interface RemoteExtras {
  /** The room is paused (boards hidden). */
  paused: boolean;
  /** Frames since this player's game ended (drives the curtain). */
  framesSinceOver: number;
  top: number;
  name: string;
}

/** The overlay for a remote player's phase and connection. */
export function remoteOverlay(
  p: Pick<PlayerStateShape, 'left' | 'phase' | 'connected'>,
  paused: boolean,
): WellOverlay {
  if (p.left) return 'GONE';
  if (p.phase === 'over') return 'GAME OVER';
  if (paused && p.phase === 'playing') return 'PAUSED';
  if (!p.connected) return 'WAITING';
  switch (p.phase) {
    case 'choosing':
      return 'CHOOSING';
    case 'ready':
      return 'READY';
    case 'playing':
      return null;
    default: {
      const never: never = p.phase;
      throw new Error(`unknown player phase ${String(never)}`);
    }
  }
}

/**
 * The opponent's panel from the synchronised room state: their board with the active piece drawn
 * in (orientation geometry from the engine's tables), next piece, numbers and statistics.
 */
export function remoteFrame(
  p: PlayerStateShape,
  x: RemoteExtras,
  out: Uint8Array<ArrayBuffer> = new Uint8Array(WELL_CELLS),
): PlayerFrame {
  // The game projection arrives after the status fields; until then draw an empty game.
  unpackBoard(p.board ?? EMPTY_BOARD, out);
  const piece = p.piece ?? -1;
  const o = p.orientation ?? 0;
  if (p.phase === 'playing' && piece >= 0 && o >= 0 && o < 19) {
    for (let i = 0; i < 4; i++) {
      const cx = (p.x ?? 0) + CELL_DX[o * 4 + i]!;
      const cy = (p.y ?? 0) + CELL_DY[o * 4 + i]!;
      if (cx >= 0 && cx < 10 && cy >= 0 && cy < 20) out[cy * 10 + cx] = piece + 1;
    }
  }
  const score = p.score ?? 0;
  const level = p.level ?? p.startLevel;
  const overlay = remoteOverlay(p, x.paused);
  const hidden = overlay === 'PAUSED';
  const inGame = p.phase === 'playing' || p.phase === 'over';
  return {
    cells: out,
    level: inGame ? level : p.selectedLevel,
    next: hidden || !inGame ? -1 : (p.next ?? -1),
    lines: p.lines ?? 0,
    score,
    top: Math.max(x.top, score),
    stats: p.stats ?? NO_STATS,
    overlay,
    hidden,
    flash: false,
    curtain: p.phase === 'over' ? curtainRows(x.framesSinceOver) : 0,
    name: x.name,
  };
}

/** A panel with an empty well (before one's own game starts): level cursor and a status box. */
export function idleFrame(
  level: number,
  overlay: WellOverlay,
  name: string,
  top: number,
): PlayerFrame {
  return {
    cells: new Uint8Array(WELL_CELLS),
    level,
    next: -1,
    lines: 0,
    score: 0,
    top,
    stats: NO_STATS,
    overlay,
    hidden: false,
    flash: false,
    curtain: 0,
    name,
  };
}
