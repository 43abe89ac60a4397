import type { Game } from '@tengen/engine';
import { planPiece } from './planner.ts';

/** Bot options. */
export interface BotOptions {
  /** Hold Down once the piece is in place (faster games, hold-down points). Default true. */
  softDrop?: boolean;
}

/**
 * A deterministic player: when a new piece comes under control it simulates every placement it
 * can tap to, keeps the best by the board heuristic, then replays that plan frame by frame.
 */
export class Bot {
  readonly softDrop: boolean;
  #plan: number[] = [];
  #pos = 0;
  #plannedPiece = -1;

  constructor(opts: BotOptions = {}) {
    this.softDrop = opts.softDrop ?? true;
  }

  /** Buttons for the frame about to be stepped (only bits of `Button`). */
  next(game: Game): number {
    if (game.controllable && game.pieceCount !== this.#plannedPiece) {
      this.#plannedPiece = game.pieceCount;
      this.#plan = planPiece(game, this.softDrop).buttons;
      this.#pos = 0;
    }
    return this.#plan[this.#pos++] ?? 0;
  }
}
