import Phaser from 'phaser';
import type { StageDriver } from '../game/driver.ts';
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
 * The Phaser game: WebGL, pixel-art scaling that fits the parent, the boot scene (textures) and the
 * one stage scene. Resolves once the textures exist. Loaded with `import()` by `Stage`.
 */
export function createPhaserGame(
  parent: HTMLElement,
  perf: PerfMeter,
  hooks: StageHooks,
): Promise<PhaserStage> {
  return new Promise((resolve) => {
    const game: Phaser.Game = new Phaser.Game({
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
        new StageScene(perf, hooks),
      ],
    });
  });
}
