import { ACTION_BIT } from './actions.ts';
import { lastPressedWins, latestDirection } from './opposite-directions.ts';

/**
 * Held-action state sampled once per engine frame. Several sources (keys, touch buttons, a gamepad)
 * hold actions under their own ids, so releasing one key does not release the same action held
 * elsewhere. A press shorter than a frame still counts for the next sampled frame. Left and Right
 * held together sample as the one pressed last (`lastPressedWins`).
 */
export class InputLatch {
  #held = new Map<string, number>();
  #pressedSinceSample = 0;
  #lastDirection: number = ACTION_BIT.right;

  /** Source `id` now holds the actions in `mask` (replacing what it held). */
  hold(id: string, mask: number): void {
    const before = this.#held.get(id) ?? 0;
    if (mask === 0) this.#held.delete(id);
    else this.#held.set(id, mask);
    this.#pressedSinceSample |= mask & ~before;
    this.#lastDirection = latestDirection(mask & ~before, this.#lastDirection);
  }

  /** Source `id` released everything. */
  release(id: string): void {
    this.#held.delete(id);
  }

  /** Actions held right now. */
  get held(): number {
    let m = 0;
    for (const v of this.#held.values()) m |= v;
    return m;
  }

  /** The actions for the frame about to be stepped: held now, or pressed since the last sample. */
  sample(): number {
    const m = this.held | this.#pressedSinceSample;
    this.#pressedSinceSample = 0;
    return lastPressedWins(m, this.#lastDirection);
  }

  /** Releases everything (window blur, screen change). */
  clear(): void {
    this.#held.clear();
    this.#pressedSinceSample = 0;
  }
}
