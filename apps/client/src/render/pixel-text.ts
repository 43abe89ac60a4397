import type Phaser from 'phaser';
import { glyphFor } from './font-glyphs.ts';
import { TEX } from './textures.ts';

/**
 * A fixed-width run of 8x8 glyph images. `setText` touches only the glyphs that changed, so a score
 * counting up costs a frame swap or two, not a texture upload.
 */
export class PixelText {
  readonly scene: Phaser.Scene;
  readonly x: number;
  readonly y: number;
  readonly depth: number;
  #tint: number;
  readonly #glyphs: Phaser.GameObjects.Image[] = [];
  #text = '';

  constructor(scene: Phaser.Scene, x: number, y: number, text: string, tint: number, depth = 10) {
    this.scene = scene;
    this.x = x;
    this.y = y;
    this.#tint = tint;
    this.depth = depth;
    this.setText(text);
  }

  /** Shows `text` (characters beyond the first call's length are added as needed). */
  setText(text: string): void {
    if (text === this.#text) return;
    for (let i = 0; i < Math.max(text.length, this.#glyphs.length); i++) {
      const ch = text[i];
      let img = this.#glyphs[i];
      if (ch === undefined) {
        img?.setVisible(false);
        continue;
      }
      if (img === undefined) {
        img = this.scene.add
          .image(this.x + i * 8, this.y, TEX.font, ' ')
          .setOrigin(0, 0)
          .setTint(this.#tint)
          .setDepth(this.depth);
        this.#glyphs.push(img);
      }
      if (this.#text[i] !== ch) img.setFrame(glyphFor(ch));
      img.setVisible(true);
    }
    this.#text = text;
  }

  /** Shows or hides the whole run. */
  setVisible(on: boolean): void {
    for (let i = 0; i < this.#glyphs.length; i++)
      this.#glyphs[i]!.setVisible(on && i < this.#text.length);
  }

  /** Recolours the run. */
  setTint(rgb: number): void {
    if (rgb === this.#tint) return;
    this.#tint = rgb;
    for (const g of this.#glyphs) g.setTint(rgb);
  }

  /** Removes the glyph images. */
  destroy(): void {
    for (const g of this.#glyphs) g.destroy();
    this.#glyphs.length = 0;
  }
}
