import Phaser from 'phaser';
import type { StageDriver } from '../game/driver.ts';
import type { PerfMeter } from '../loop/perf-meter.ts';
import { PlayerPanel } from '../render/player-panel.ts';
import { screenLayout } from '../view/layout.ts';
import type { PlayerFrame } from '../view/player-frame.ts';
import { SCENE } from './boot-scene.ts';

/** Data the stage starts with. */
export interface StageData {
  driver: StageDriver;
}

/** Calls around each display frame's tick: poll gamepads before, mirror the HUD after. */
export interface StageHooks {
  beforeTick(): void;
  afterTick(frames: readonly PlayerFrame[], driver: StageDriver): void;
}

/**
 * The one play scene: it owns the sprites of one or two player panels and, every display frame,
 * lets the driver catch up with real time and draws what it returns. No rules live here.
 */
export class StageScene extends Phaser.Scene {
  readonly #perf: PerfMeter;
  readonly #hooks: StageHooks;
  #driver: StageDriver | null = null;
  #panels: PlayerPanel[] = [];

  constructor(perf: PerfMeter, hooks: StageHooks) {
    super({ key: SCENE.stage });
    this.#perf = perf;
    this.#hooks = hooks;
  }

  init(data: StageData): void {
    this.#driver = data.driver;
  }

  create(): void {
    const driver = this.#driver;
    if (driver === null) return;
    const parent = this.scale.parent as HTMLElement | null;
    const portrait = parent !== null && parent.clientHeight > parent.clientWidth * 1.2;
    const screen = screenLayout(driver.players, portrait);
    if (this.scale.width !== screen.width || this.scale.height !== screen.height) {
      this.scale.setGameSize(screen.width, screen.height);
      this.scale.refresh();
    }
    this.cameras.main.setBackgroundColor(0x020a04);
    this.#panels = screen.players.map((l) => new PlayerPanel(this, l));
    this.#draw();
  }

  override update(): void {
    const t0 = performance.now();
    this.#draw();
    const t1 = performance.now();
    this.#perf.record(t1 - t0);
    if (this.#driver?.playable === true) this.#perf.markPlayable(t1);
  }

  #draw(): void {
    this.#hooks.beforeTick();
    const driver = this.#driver;
    if (driver === null) return;
    const frames = driver.tick(performance.now());
    this.#hooks.afterTick(frames, driver);
    for (let i = 0; i < this.#panels.length; i++) {
      const f = frames[i];
      if (f !== undefined) this.#panels[i]!.draw(f);
    }
  }
}
