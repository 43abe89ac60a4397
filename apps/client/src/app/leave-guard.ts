/** What the player is asked before a link or Back would end the game they are playing. */
export const LEAVE_QUESTION =
  'Leave this game? It ends here and cannot be submitted. Cancel to stay: the game is paused.';

/**
 * Guards route changes while a game runs: the game is paused first (so nothing happens behind the
 * question), then the player confirms. Returns true when the route may change.
 */
export class LeaveGuard {
  #playing = false;
  readonly #ask: (question: string) => boolean;

  constructor(ask: (question: string) => boolean) {
    this.#ask = ask;
  }

  /** Follows the app's in-game state (`setPlaying`). */
  set playing(on: boolean) {
    this.#playing = on;
  }

  /** True when nothing runs, or the player confirmed; `pause` is called before asking. */
  mayLeave(pause: () => void): boolean {
    if (!this.#playing) return true;
    pause();
    return this.#ask(LEAVE_QUESTION);
  }
}
