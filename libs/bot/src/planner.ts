import { Button, GameEvent, ORIENTATIONS_OF_TYPE, type Game } from '@tengen/engine';
import { scoreBoard } from './evaluate.ts';

/** One way to move the current piece: rotation presses, column offset, then optional soft drop. */
export interface Move {
  /** A presses (B when negative). */
  rotations: number;
  /** Column offset: negative taps Left, positive taps Right. */
  shift: number;
  softDrop: boolean;
}

/** Upper bound on frames simulated for one candidate (a level-0 fall from the top is ~1000). */
const MAX_SIM_FRAMES = 4000;

/**
 * Buttons for frame `f` of a move: presses on even frames and releases on odd ones, because a
 * button must be released to count as newly pressed again; rotation and shift share a frame.
 */
export function moveButtons(move: Move, f: number): number {
  const taps = Math.max(Math.abs(move.rotations), Math.abs(move.shift));
  const j = f >> 1;
  if (j >= taps) return move.softDrop && f >= taps * 2 ? Button.Down : 0;
  if ((f & 1) === 1) return 0;
  let b = 0;
  if (j < Math.abs(move.rotations)) b |= move.rotations > 0 ? Button.A : Button.B;
  if (j < Math.abs(move.shift)) b |= move.shift > 0 ? Button.Right : Button.Left;
  return b;
}

/** Candidate moves for a piece type: each reachable orientation times column offsets -5..5. */
export function candidateMoves(typeIndex: number, softDrop: boolean): Move[] {
  const orientations = ORIENTATIONS_OF_TYPE[typeIndex]!.length;
  const rotationPresses = orientations === 4 ? [0, 1, 2, -1] : orientations === 2 ? [0, 1] : [0];
  const moves: Move[] = [];
  for (const rotations of rotationPresses) {
    for (let shift = -5; shift <= 5; shift++) moves.push({ rotations, shift, softDrop });
  }
  return moves;
}

/** A planned piece: the exact per-frame buttons up to and including its lock frame. */
export interface Plan {
  buttons: number[];
  value: number;
}

/**
 * Plays each candidate on a clone of the game until the piece locks, scores the resulting board
 * (`score`: the bot's heuristic unless another is given), and returns the best plan (first one wins
 * ties, so the choice is deterministic).
 */
export function planPiece(
  game: Game,
  softDrop: boolean,
  score: (board: Uint8Array) => number = scoreBoard,
): Plan {
  const board = new Uint8Array(200);
  let best: Plan = { buttons: [], value: -Infinity };
  for (const move of candidateMoves(game.pieceTypeIndex, softDrop)) {
    const sim = game.clone();
    const buttons: number[] = [];
    let value = -Infinity;
    for (let f = 0; f < MAX_SIM_FRAMES; f++) {
      const b = moveButtons(move, f);
      buttons.push(b);
      const ev = sim.step(b);
      if ((ev & GameEvent.TopOut) !== 0) break;
      if ((ev & GameEvent.Lock) !== 0) {
        sim.readBoard(board);
        value = score(board);
        break;
      }
    }
    if (value > best.value || best.buttons.length === 0) best = { buttons, value };
  }
  return best;
}
