import Phaser from 'phaser';
import type { StageDriver } from '../game/driver.ts';
import type { DrawGate } from '../loop/draw-gate.ts';
import type { PerfMeter } from '../loop/perf-meter.ts';
import { BootScene, SCENE } from '../scenes/boot-scene.ts';
import { StageScene, type StageHooks } from '../scenes/stage-scene.ts';
import { SCREEN_H, SCREEN_W } from '../view/layout.ts';
import type { StageLayout } from '../view/stage-layout.ts';

/** What `Stage` needs from Phaser, so Phaser can arrive in its own chunk after the menu is usable. */
export interface PhaserStage {
  /** Whether the play scene runs (a relayout before that has nothing to redraw). */
  stageActive(): boolean;
  /** (Re)starts the play scene with a driver and a layout. */
  start(driver: StageDriver, layout: StageLayout): void;
}

/**
 * A Phaser game that draws a display frame only when its `DrawGate` says so: every frame still
 * updates (the scenes step, the driver catches up with real time), but a frame with nothing new
 * leaves the canvas as it is, and the browser composites nothing new.
 */
class OnDemandGame extends Phaser.Game {
  readonly #gate: DrawGate;

  constructor(config: Phaser.Types.Core.GameConfig, gate: DrawGate) {
    super(config);
    this.#gate = gate;
  }

  override step(time: number, delta: number): void {
    // Phaser's own step is its update part (`headlessStep`) followed by the three calls below.
    const live = !this.isPaused && !(this as unknown as { pendingDestroy: boolean }).pendingDestroy;
    this.headlessStep(time, delta);
    if (!live || !this.#gate.take()) return;
    const renderer = this.renderer;
    renderer.preRender();
    this.scene.render(renderer);
    renderer.postRender();
  }
}

/**
 * The Phaser game: WebGL, pixel-art scaling that fits the parent, the boot scene (textures) and the
 * one stage scene. Resolves once the textures exist. Loaded with `import()` by `Stage`.
 */
export function createPhaserGame(
  parent: HTMLElement,
  perf: PerfMeter,
  gate: DrawGate,
  hooks: StageHooks,
): Promise<PhaserStage> {
  return new Promise((resolve) => {
    const game: Phaser.Game = new OnDemandGame(
      {
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
        scene: [
          new BootScene(() =>
            resolve({
              stageActive: () => game.scene.isActive(SCENE.stage),
              start: (driver, layout) => game.scene.start(SCENE.stage, { driver, layout }),
            }),
          ),
          new StageScene(perf, gate, hooks),
        ],
      },
      gate,
    );
    // A new canvas size clears the canvas: draw the next frame.
    game.scale.on(Phaser.Scale.Events.RESIZE, () => gate.invalidate());
  });
}
