import Phaser from 'phaser';
import type { StageDriver } from '../game/driver.ts';
import type { PerfMeter } from '../loop/perf-meter.ts';
import { BootScene, SCENE } from '../scenes/boot-scene.ts';
import { StageScene, type StageHooks } from '../scenes/stage-scene.ts';
import { SCREEN_H, SCREEN_W } from '../view/layout.ts';

/** Same rule as the stage scene: noticeably taller than wide. */
function isPortrait(el: HTMLElement): boolean {
  return el.clientHeight > el.clientWidth * 1.2;
}

/**
 * The Phaser game: WebGL, pixel-art scaling that fits the parent (portrait phones included), and the
 * one stage scene that draws whichever driver the app shows.
 */
export class Stage {
  readonly game: Phaser.Game;
  readonly ready: Promise<void>;
  #driver: StageDriver | null = null;

  constructor(parent: HTMLElement, perf: PerfMeter, hooks: StageHooks) {
    let resolve!: () => void;
    this.ready = new Promise((r) => (resolve = r));
    this.game = new Phaser.Game({
      type: Phaser.WEBGL,
      parent,
      width: SCREEN_W,
      height: SCREEN_H,
      backgroundColor: '#020a04',
      pixelArt: true,
      roundPixels: true,
      banner: false,
      disableContextMenu: true,
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      audio: { noAudio: true },
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, parent },
      scene: [new BootScene(() => resolve()), new StageScene(perf, hooks)],
    });
    let portrait = isPortrait(parent);
    new ResizeObserver(() => {
      if (isPortrait(parent) === portrait) return;
      portrait = !portrait;
      this.relayout();
    }).observe(parent);
  }

  /** Redraws the current driver with a fresh layout (after the screen turned portrait/landscape). */
  relayout(): void {
    if (this.#driver !== null && this.game.scene.isActive(SCENE.stage))
      this.game.scene.start(SCENE.stage, { driver: this.#driver });
  }

  /** Shows a driver (disposing the previous one). */
  async show(driver: StageDriver): Promise<void> {
    await this.ready;
    if (this.#driver !== driver) this.#driver?.dispose();
    this.#driver = driver;
    this.game.scene.start(SCENE.stage, { driver });
  }

  /** The driver on screen. */
  get driver(): StageDriver | null {
    return this.#driver;
  }
}
