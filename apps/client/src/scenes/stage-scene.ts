import Phaser from 'phaser';
import type { StageDriver } from '../game/driver.ts';
import type { DrawGate } from '../loop/draw-gate.ts';
import type { PerfMeter } from '../loop/perf-meter.ts';
import { PlayerPanel } from '../render/player-panel.ts';
import { shiftLayout } from '../view/layout.ts';
import type { PlayerFrame } from '../view/player-frame.ts';
import type { StageLayout } from '../view/stage-layout.ts';
import { SCENE } from './boot-scene.ts';

/** Data the stage starts with. */
export interface StageData {
  driver: StageDriver;
  /** Where everything goes (see `stageLayout`); the scene places its cameras by it. */
  layout: StageLayout;
}

/** Calls around each display frame's tick: poll gamepads before, mirror the HUD after. */
export interface StageHooks {
  beforeTick(): void;
  afterTick(frames: readonly PlayerFrame[], driver: StageDriver): void;
  /** The cameras are in place for `layout` (the page moves its HTML to match). */
  placed(layout: StageLayout): void;
}

/** Each player's screen lives in its own stretch of the world; cameras pick the parts to show. */
const WORLD_STRIDE = 1024;

/**
 * The one play scene: it owns the sprites of one or two player panels and, every display frame,
 * lets the driver catch up with real time and draws what it returns (the canvas is drawn only when
 * that changed something: `DrawGate`). No rules live here.
 */
export class StageScene extends Phaser.Scene {
  readonly #perf: PerfMeter;
  readonly #gate: DrawGate;
  readonly #hooks: StageHooks;
  #driver: StageDriver | null = null;
  #layout: StageLayout | null = null;
  #panels: PlayerPanel[] = [];

  constructor(perf: PerfMeter, gate: DrawGate, hooks: StageHooks) {
    super({ key: SCENE.stage });
    this.#perf = perf;
    this.#gate = gate;
    this.#hooks = hooks;
  }

  init(data: StageData): void {
    this.#driver = data.driver;
    this.#layout = data.layout;
  }

  create(): void {
    const driver = this.#driver;
    const layout = this.#layout;
    if (driver === null || layout === null) return;
    // The canvas is the stage's size in `pixel`-sized pixels; FIT scales it back up to the stage.
    const q = layout.pixel;
    const gw = Math.max(1, Math.round(layout.width / q));
    const gh = Math.max(1, Math.round(layout.height / q));
    if (this.scale.width !== gw || this.scale.height !== gh) {
      this.scale.setGameSize(gw, gh);
      this.scale.refresh();
    }
    this.#panels = layout.screens.map(
      (l, i) => new PlayerPanel(this, shiftLayout(l, i * WORLD_STRIDE)),
    );
    layout.views.forEach((v, i) => {
      const r = v.rect;
      const cam =
        i === 0 ? this.cameras.main : this.cameras.add(0, 0, 1, 1, false, `view-${String(i)}`);
      cam
        .setViewport(
          Math.round(r.x / q),
          Math.round(r.y / q),
          Math.round(r.w / q),
          Math.round(r.h / q),
        )
        .setZoom(v.zoom / q)
        .setBackgroundColor(0x020a04)
        .centerOn(v.player * WORLD_STRIDE + v.world.x + v.world.w / 2, v.world.y + v.world.h / 2);
    });
    this.#hooks.placed(layout);
    this.#draw();
    this.#gate.invalidate();
  }

  override update(): void {
    const t0 = performance.now();
    this.#draw();
    const t1 = performance.now();
    this.#perf.record(t1 - t0);
    if (this.#driver?.playable === true) this.#perf.markPlayable(t1);
  }

  /** Lets the driver catch up and updates the panels; a change makes the frame draw. */
  #draw(): void {
    this.#hooks.beforeTick();
    const driver = this.#driver;
    if (driver === null) return;
    const frames = driver.tick(performance.now());
    this.#hooks.afterTick(frames, driver);
    let changed = false;
    for (let i = 0; i < this.#panels.length; i++) {
      const f = frames[i];
      if (f !== undefined && this.#panels[i]!.draw(f)) changed = true;
    }
    if (changed) this.#gate.invalidate();
  }
}
