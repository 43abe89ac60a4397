import { view, type GameStats } from '@tengen/engine';
import type { StageDriver } from '../game/driver.ts';
import { playerFrame, type PlayerFrame } from '../view/player-frame.ts';
import type { ReplayTheater } from './replay-theater.ts';

/**
 * Puts a `ReplayTheater` on the stage: real time goes to the theater (which plays at its speed)
 * and the frame drawn is the game it shows. Paused, the board stays visible (a replay has nothing
 * to hide), and a finished game shows its last stack under GAME OVER, without the curtain.
 * `onTick` lets the controls follow the position.
 */
export class TheaterDriver implements StageDriver {
  readonly players = 1 as const;
  readonly kind = 'replay' as const;
  readonly playable = false;
  readonly theater: ReplayTheater;
  readonly #name: string;
  readonly #onTick: () => void;
  readonly #cells = new Uint8Array(200);
  #shownFrame = -1;
  #last: readonly PlayerFrame[] = [];

  constructor(theater: ReplayTheater, name: string, onTick: () => void) {
    this.theater = theater;
    this.#name = name;
    this.#onTick = onTick;
  }

  tick(nowMs: number): readonly PlayerFrame[] {
    this.theater.tick(nowMs);
    this.#onTick();
    const game = this.theater.game;
    if (game.frame === this.#shownFrame && this.#last.length > 0) return this.#last;
    this.#shownFrame = game.frame;
    this.#last = [
      playerFrame(
        view(game),
        {
          top: 0,
          name: this.#name,
          paused: false,
          framesSinceTopOut: 0,
        },
        this.#cells,
      ),
    ];
    return this.#last;
  }

  stats(): GameStats {
    return this.theater.stats();
  }

  /** Stops playback when the stage moves on to another driver. */
  dispose(): void {
    this.theater.pause();
  }
}
