import type { StageDriver } from '../game/driver.ts';
import type { KeyValueStore } from '../input/bindings-store.ts';
import { readStoredFlag, writeStoredFlag } from '../input/stored-flag.ts';
import { button, h } from './dom.ts';
import { StatsLine } from './stats-line.ts';
import './hud-stats.css';

/** localStorage key of the HUD statistics toggle. */
export const HUD_STATS_KEY = 'tengen.hudStats.v1';

/**
 * The game statistics under the stage while you play (Tetris rate, burns, longest drought, pieces
 * per minute, piece counts), behind a toggle that is remembered. It is a row of its own, so showing
 * it shrinks the stage rather than covering the well; replays show theirs in the theater.
 */
export class HudStats {
  readonly root: HTMLElement;
  readonly #store: KeyValueStore | null;
  readonly #line = new StatsLine('hud-stats');
  readonly #toggle: HTMLButtonElement;
  #on: boolean;
  #slot = -1;

  /** `afterToggle` runs after a click (to give the keys back to a running game). */
  constructor(store: KeyValueStore | null, afterToggle: () => void) {
    this.#store = store;
    this.#on = readStoredFlag(store, HUD_STATS_KEY);
    this.#toggle = button(
      'Stats',
      () => {
        this.set(!this.#on);
        afterToggle();
      },
      { class: 'hud-stats-toggle', 'data-testid': 'hud-stats-toggle' },
    );
    this.root = h(
      'div',
      { class: 'hud-stats', 'data-testid': 'hud-stats-row', hidden: true },
      this.#toggle,
      this.#line.root,
    );
    this.#show();
  }

  /** Whether the statistics are shown. */
  get on(): boolean {
    return this.#on;
  }

  /** Shows or hides the statistics and remembers the choice. */
  set(on: boolean): void {
    this.#on = on;
    writeStoredFlag(this.#store, HUD_STATS_KEY, on);
    this.#slot = -1;
    this.#show();
  }

  /** Follows the stage's driver: shown for a game you play, hidden for menus, demo and replays. */
  update(driver: StageDriver): void {
    const live = driver.kind === 'play' && driver.players === 1 && driver.stats !== undefined;
    if (this.root.hidden === live) this.root.hidden = !live;
    if (!live || !this.#on) return;
    // Pieces per minute moves every frame; a few updates a second are plenty to read.
    const slot = Math.floor(performance.now() / 250);
    if (slot === this.#slot) return;
    this.#slot = slot;
    this.#line.update(driver.stats!());
  }

  /** Hides the row (a screen without a game). */
  hide(): void {
    this.root.hidden = true;
  }

  #show(): void {
    this.#toggle.setAttribute('aria-pressed', String(this.#on));
    this.#line.root.hidden = !this.#on;
  }
}
