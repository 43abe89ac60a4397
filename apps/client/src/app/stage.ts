import type { StageDriver } from '../game/driver.ts';
import { DrawGate } from '../loop/draw-gate.ts';
import type { PerfMeter } from '../loop/perf-meter.ts';
import type { StageHooks } from '../scenes/stage-scene.ts';
import type { PhaserStage } from './phaser-game.ts';
import { stageLayout, type StageLayout } from '../view/stage-layout.ts';

/**
 * The Phaser game (`phaser-game.ts`, loaded in its own chunk so the menu is usable before it
 * arrives) and the one stage scene that draws whichever driver the app shows. Where the boards go is `stageLayout` of the parent's size, the
 * player count and the touch pad; it is recomputed on every resize and orientation change, never
 * because of what the page shows (a notice or a panel cannot move a board).
 */
export class Stage {
  readonly #game: Promise<PhaserStage>;
  /** When the canvas is drawn (only frames that change it); the page's perf hook reads and pokes it. */
  readonly draws = new DrawGate();
  #phaser: PhaserStage | null = null;
  readonly #parent: HTMLElement;
  #driver: StageDriver | null = null;
  #layout: StageLayout | null = null;
  #pad = false;
  #pending = 0;

  constructor(parent: HTMLElement, perf: PerfMeter, hooks: StageHooks) {
    this.#parent = parent;
    this.#game = import('./phaser-game.ts')
      .then((m) => m.createPhaserGame(parent, perf, this.draws, hooks))
      .then((game) => (this.#phaser = game));
    new ResizeObserver(() => this.#schedule()).observe(parent);
  }

  /** Whether the touch pad is shown (it takes part of the stage). */
  setPad(on: boolean): void {
    if (on === this.#pad) return;
    this.#pad = on;
    this.#schedule();
  }

  /** The layout on screen (null before the first driver). */
  get layout(): StageLayout | null {
    return this.#layout;
  }

  /** Redraws the current driver if the layout for the stage's size changed (at most once a frame). */
  #schedule(): void {
    if (this.#pending !== 0) return;
    this.#pending = requestAnimationFrame(() => {
      this.#pending = 0;
      this.relayout();
    });
  }

  /** Redraws the current driver with a fresh layout when the stage's size or pad changed. */
  relayout(): void {
    const driver = this.#driver;
    if (driver === null || this.#phaser?.stageActive() !== true) return;
    const next = this.#layoutFor(driver);
    if (JSON.stringify(next) === JSON.stringify(this.#layout)) return;
    this.#start(driver, next);
  }

  /** Shows a driver (disposing the previous one). */
  async show(driver: StageDriver): Promise<void> {
    await this.#game;
    if (this.#driver !== driver) this.#driver?.dispose();
    this.#driver = driver;
    this.#start(driver, this.#layoutFor(driver));
  }

  /** The driver on screen. */
  get driver(): StageDriver | null {
    return this.#driver;
  }

  #layoutFor(driver: StageDriver): StageLayout {
    return stageLayout({
      width: this.#parent.clientWidth,
      height: this.#parent.clientHeight,
      players: driver.players,
      pad: this.#pad,
    });
  }

  #start(driver: StageDriver, layout: StageLayout): void {
    this.#layout = layout;
    this.#phaser?.start(driver, layout);
  }
}
