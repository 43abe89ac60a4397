import Phaser from 'phaser';
import { makeTextures } from '../render/textures.ts';

/** Scene keys. */
export const SCENE = { boot: 'boot', stage: 'stage' } as const;

/** Generates the textures (no files to load), then hands over to whoever awaits `ready`. */
export class BootScene extends Phaser.Scene {
  readonly #onReady: () => void;

  constructor(onReady: () => void) {
    super({ key: SCENE.boot });
    this.#onReady = onReady;
  }

  create(): void {
    makeTextures(this.textures);
    this.#onReady();
  }
}
