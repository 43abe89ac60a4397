import type Phaser from 'phaser';
import type { PlayerLayout, TextSpot } from '../view/layout.ts';
import { blockStyle, PHOSPHOR } from '../view/palette.ts';
import { centredShape } from '../view/piece-shape.ts';
import { digits, linesText, WELL_CELLS, type PlayerFrame } from '../view/player-frame.ts';
import { PixelText } from './pixel-text.ts';
import { blockFrame, CURTAIN_FRAME, miniFrame, PIXEL_FRAME, TEX } from './textures.ts';

const DEPTH = { flash: 0, frame: 1, cells: 2, text: 10, overlay: 20, overlayText: 21 } as const;

function text(
  scene: Phaser.Scene,
  spot: TextSpot,
  value: string,
  tint: number = PHOSPHOR.text,
): PixelText {
  return new PixelText(scene, spot.x, spot.y, value, tint, DEPTH.text);
}

/**
 * Draws one player's NES screen (frames, well, next piece, statistics, numbers) from `PlayerFrame`s.
 * It keeps the previous frame and touches only what changed, so a typical frame costs a few setters.
 */
export class PlayerPanel {
  readonly #scene: Phaser.Scene;
  readonly #layout: PlayerLayout;
  readonly #cells: Phaser.GameObjects.Image[] = [];
  readonly #shown = new Int16Array(WELL_CELLS).fill(-1);
  readonly #next: Phaser.GameObjects.Image[] = [];
  readonly #statIcons: Phaser.GameObjects.Image[][] = [];
  readonly #texts: Record<'lines' | 'score' | 'top' | 'level' | 'name', PixelText>;
  readonly #stats: PixelText[];
  readonly #statShown = new Int32Array(7).fill(-1);
  readonly #flash: Phaser.GameObjects.Image;
  readonly #overlayBox: Phaser.GameObjects.Image;
  readonly #overlayText: PixelText;
  #prev: PlayerFrame | null = null;

  constructor(scene: Phaser.Scene, layout: PlayerLayout) {
    this.#scene = scene;
    this.#layout = layout;
    const { well } = layout;
    this.#flash = this.#rect(
      well.x,
      well.y,
      well.w,
      well.h,
      PHOSPHOR.flash,
      DEPTH.flash,
    ).setVisible(false);
    this.#drawFrames();
    for (const l of layout.labels) text(scene, l, l.text);
    for (let i = 0; i < WELL_CELLS; i++) {
      const x = well.x + (i % 10) * 8;
      const y = well.y + Math.floor(i / 10) * 8;
      this.#cells.push(
        scene.add
          .image(x, y, TEX.blocks, blockFrame(0, 0))
          .setOrigin(0, 0)
          .setDepth(DEPTH.cells)
          .setVisible(false),
      );
    }
    for (let i = 0; i < 4; i++) {
      this.#next.push(
        scene.add.image(0, 0, TEX.blocks, blockFrame(0, 0)).setOrigin(0, 0).setDepth(DEPTH.cells),
      );
    }
    layout.stats.forEach((s, type) => {
      this.#statIcons.push(
        centredShape(type).map((c) =>
          scene.add
            .image(
              s.icon.x + c.dx * 6,
              s.icon.y + c.dy * 6,
              TEX.blocks,
              miniFrame(0, blockStyle(type)),
            )
            .setOrigin(0, 0)
            .setDepth(DEPTH.cells),
        ),
      );
    });
    this.#texts = {
      lines: text(scene, layout.lines, 'LINES-000'),
      score: text(scene, layout.score, '000000'),
      top: text(scene, layout.top, '000000'),
      level: text(scene, layout.level, '00'),
      name: text(scene, layout.name, '', PHOSPHOR.bright),
    };
    this.#stats = layout.stats.map((s) => text(scene, s.count, '000', PHOSPHOR.text));
    const oy = well.y + well.h / 2 - 12;
    this.#overlayBox = this.#rect(
      well.x,
      oy,
      well.w,
      24,
      PHOSPHOR.background,
      DEPTH.overlay,
    ).setVisible(false);
    this.#overlayText = new PixelText(
      scene,
      well.x,
      oy + 8,
      '',
      PHOSPHOR.bright,
      DEPTH.overlayText,
    );
  }

  #rect(
    x: number,
    y: number,
    w: number,
    h: number,
    tint: number,
    depth: number,
  ): Phaser.GameObjects.Image {
    return this.#scene.add
      .image(x, y, TEX.blocks, PIXEL_FRAME)
      .setOrigin(0, 0)
      .setDisplaySize(w, h)
      .setTint(tint)
      .setDepth(depth);
  }

  /** The static boxes, drawn once as 1-pixel lines of the frame colour. */
  #drawFrames(): void {
    for (const b of this.#layout.boxes) {
      this.#rect(b.x + 2, b.y + 2, b.w - 4, 1, PHOSPHOR.frame, DEPTH.frame);
      this.#rect(b.x + 2, b.y + b.h - 3, b.w - 4, 1, PHOSPHOR.frame, DEPTH.frame);
      this.#rect(b.x + 2, b.y + 2, 1, b.h - 4, PHOSPHOR.frame, DEPTH.frame);
      this.#rect(b.x + b.w - 3, b.y + 2, 1, b.h - 4, PHOSPHOR.frame, DEPTH.frame);
    }
  }

  /** Updates the panel to show `f`; true when anything on it changed (the canvas needs drawing). */
  draw(f: PlayerFrame): boolean {
    const prev = this.#prev;
    if (f === prev) return false;
    this.#prev = f;
    const levelChanged = prev === null || prev.level % 10 !== f.level % 10;
    if (levelChanged) this.#shown.fill(-1);
    let changed = this.#drawCells(f);
    if (levelChanged || prev.next !== f.next) {
      this.#drawNext(f);
      changed = true;
    }
    if (levelChanged) this.#drawStatIcons(f.level);
    // Numbers are formatted only when they change: a typical frame builds no strings.
    const t = this.#texts;
    if (prev === null || prev.lines !== f.lines) changed = this.#show(t.lines, linesText(f.lines));
    if (prev === null || prev.score !== f.score) changed = this.#show(t.score, digits(f.score, 6));
    if (prev === null || prev.top !== f.top) changed = this.#show(t.top, digits(f.top, 6));
    if (prev === null || prev.level !== f.level) changed = this.#show(t.level, digits(f.level, 2));
    if (prev === null || prev.name !== f.name)
      changed = this.#show(t.name, f.name.toUpperCase().slice(0, 10));
    for (let i = 0; i < this.#stats.length; i++) {
      const n = f.stats[i] ?? 0;
      if (this.#statShown[i] !== n) {
        this.#statShown[i] = n;
        changed = this.#show(this.#stats[i]!, digits(n, 3));
      }
    }
    if (prev === null || prev.flash !== f.flash) {
      this.#flash.setVisible(f.flash);
      changed = true;
    }
    if (prev === null || prev.overlay !== f.overlay) {
      this.#drawOverlay(f);
      changed = true;
    }
    return changed;
  }

  /** Shows a changed number or name; true (the panel changed), for `draw` to note. */
  #show(run: PixelText, value: string): true {
    run.setText(value);
    return true;
  }

  /** Shows the frame's cells; true when any changed. */
  #drawCells(f: PlayerFrame): boolean {
    let changed = false;
    for (let i = 0; i < WELL_CELLS; i++) {
      const row = Math.floor(i / 10);
      // -1 hidden, 0..6 piece type, 7 curtain.
      const want = f.hidden ? -1 : row < f.curtain ? 7 : f.cells[i]! - 1;
      if (this.#shown[i] === want) continue;
      this.#shown[i] = want;
      changed = true;
      const img = this.#cells[i]!;
      if (want < 0) {
        img.setVisible(false);
      } else {
        img
          .setFrame(want === 7 ? CURTAIN_FRAME : blockFrame(f.level, blockStyle(want)))
          .setVisible(true);
      }
    }
    return changed;
  }

  #drawNext(f: PlayerFrame): void {
    if (f.next < 0) {
      for (const img of this.#next) img.setVisible(false);
      return;
    }
    const frame = blockFrame(f.level, blockStyle(f.next));
    const { x, y } = this.#layout.next;
    centredShape(f.next).forEach((c, i) => {
      this.#next
        [i]!.setPosition(x + c.dx * 8, y + c.dy * 8)
        .setFrame(frame)
        .setVisible(true);
    });
  }

  #drawStatIcons(level: number): void {
    this.#statIcons.forEach((icons, type) => {
      for (const img of icons) img.setFrame(miniFrame(level, blockStyle(type)));
    });
  }

  #drawOverlay(f: PlayerFrame): void {
    const on = f.overlay !== null;
    this.#overlayBox.setVisible(on);
    const label = f.overlay ?? '';
    this.#overlayText.setText(label.padStart(Math.floor((10 + label.length) / 2)).padEnd(10));
    this.#overlayText.setVisible(on);
  }
}
