import { Bot } from '@tengen/bot';
import { ENGINE_VERSION, Game } from '@tengen/engine';

/** How far ahead (in frames) the demo's inputs are planned: two seconds. */
export const DEMO_LEAD_FRAMES = 120;

/**
 * Plans the attract demo's inputs ahead of play: a shadow copy of the game (same seed and level, so
 * it stays identical) is stepped with the bot in idle time, and the shown game only dequeues
 * buttons. The bot's placement search (milliseconds per piece) thus never runs inside a frame.
 */
export class DemoFeeder {
  readonly #shadow: Game;
  readonly #bot = new Bot({ softDrop: true });
  readonly #queue: number[] = [];
  #head = 0;

  constructor(seed: number, startLevel: number) {
    this.#shadow = new Game({ seed, startLevel, version: ENGINE_VERSION }); // as the shown game (PlayerSim)
  }

  /** True once the shadow game is over: nothing more to plan. */
  get done(): boolean {
    return this.#shadow.topOut;
  }

  /** Frames planned but not yet played. */
  get ahead(): number {
    return this.#queue.length - this.#head;
  }

  /** Plans until `lead` frames are queued (or the shadow game ends); stops early after `budgetMs`. */
  fill(lead = DEMO_LEAD_FRAMES, budgetMs = 8, now: () => number = () => performance.now()): void {
    const t0 = now();
    while (this.ahead < lead && !this.#shadow.topOut) {
      const b = this.#bot.next(this.#shadow);
      this.#queue.push(b);
      this.#shadow.step(b);
      if (now() - t0 > budgetMs) break;
    }
    if (this.#head > 4096) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /** The next frame's buttons (0 if planning fell behind: the piece just falls a little). */
  next(): number {
    return this.#head < this.#queue.length ? this.#queue[this.#head++]! : 0;
  }
}
