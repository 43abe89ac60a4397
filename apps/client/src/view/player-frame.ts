import { PIECE_TYPES, type GameView } from '@tengen/engine';
import { curtainRows, tetrisFlash } from './effects.ts';

/** Cells in the visible well. */
export const WELL_CELLS = 200;

/** What a status overlay over the well says (null: none). */
export type WellOverlay = null | 'PAUSED' | 'GAME OVER' | 'READY' | 'WAITING' | 'CHOOSING' | 'GONE';

/** Per-player presentation flags that are not part of the engine state. */
export interface FrameExtras {
  /** Best score to show as TOP. */
  top: number;
  /** Name plate text ('' for none). */
  name: string;
  /** The board is hidden behind a PAUSED box (as on the NES). */
  paused: boolean;
  /** Frames since top-out (drives the curtain); 0 while alive. */
  framesSinceTopOut: number;
  /** Overlay to show when not paused (e.g. READY before a duo start, GONE when the opponent left). */
  overlay?: WellOverlay;
  /**
   * Whether TOP rises with this game's score (default true). The title demo and replays are not the
   * player's games: their TOP stays the player's best.
   */
  topFollowsScore?: boolean;
}

/**
 * Everything one player's panel draws, derived from engine state: a pure function's output. Numbers
 * stay numbers: the renderer and the HUD format them only when they change (no strings per frame).
 */
export interface PlayerFrame {
  /** 200 cells row-major: 0 empty, 1..7 piece type index + 1, the active piece composed in. */
  cells: Uint8Array;
  /** The current level (also picks the palette). */
  level: number;
  /** Next piece type index, or -1 when hidden. */
  next: number;
  lines: number;
  score: number;
  /** Best score to show as TOP (never below `score` in the player's own games). */
  top: number;
  /** Pieces spawned per type index. */
  stats: ArrayLike<number>;
  overlay: WellOverlay;
  /** Board hidden (pause) — cells, piece and next are not drawn. */
  hidden: boolean;
  flash: boolean;
  curtain: number;
  /** Name plate (upper-cased when drawn). */
  name: string;
}

/** The LINES box text. */
export function linesText(lines: number): string {
  return `LINES-${digits(lines, 3)}`;
}

/** Zero-padded decimal, clamped to the field's width (the NES shows 999999 at most). */
export function digits(n: number, width: number): string {
  const max = 10 ** width - 1;
  return String(Math.max(0, Math.min(max, Math.floor(n)))).padStart(width, '0');
}

/** Writes the well's cells with the active piece into `out` (length 200). */
export function composeWell(view: Pick<GameView, 'board' | 'piece'>, out: Uint8Array): Uint8Array {
  out.set(view.board.subarray(0, WELL_CELLS));
  const p = view.piece;
  if (p !== null) {
    for (const [x, y] of p.cells) {
      if (y >= 0 && y < 20 && x >= 0 && x < 10) out[y * 10 + x] = p.typeIndex + 1;
    }
  }
  return out;
}

/** The frame one player's panel shows for this engine view. */
export function playerFrame(view: GameView, extras: FrameExtras, out?: Uint8Array): PlayerFrame {
  const cells = composeWell(view, out ?? new Uint8Array(WELL_CELLS));
  const overlay: WellOverlay = extras.paused
    ? 'PAUSED'
    : view.topOut
      ? 'GAME OVER'
      : (extras.overlay ?? null);
  return {
    cells,
    level: view.level,
    next: extras.paused ? -1 : PIECE_TYPES.indexOf(view.next),
    lines: view.lines,
    score: view.score,
    top: extras.topFollowsScore === false ? extras.top : Math.max(extras.top, view.score),
    stats: view.stats,
    overlay,
    hidden: extras.paused,
    flash: !extras.paused && tetrisFlash(view),
    curtain: view.topOut ? curtainRows(extras.framesSinceTopOut) : 0,
    name: extras.name,
  };
}
