import type Phaser from 'phaser';
import { type BlockStyle, levelColors, PALETTE_COUNT, PHOSPHOR } from '../view/palette.ts';
import { FONT_CHARS, GLYPHS } from './font-glyphs.ts';

/** Texture keys generated at boot (no image files are loaded). */
export const TEX = { blocks: 'blocks', font: 'font' } as const;

/** Frame name of a full-size block. */
export function blockFrame(level: number, style: BlockStyle): string {
  return `b${level % PALETTE_COUNT}-${style}`;
}
/** Frame name of a statistics-icon block (6 pixels). */
export function miniFrame(level: number, style: BlockStyle): string {
  return `m${level % PALETTE_COUNT}-${style}`;
}
/** Frame of the game-over curtain row. */
export const CURTAIN_FRAME = 'curtain';
/** A 1-pixel white frame for tinted rectangles. */
export const PIXEL_FRAME = 'px';

function hex(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/** Paints one NES-style block of `size` pixels (the last row and column stay empty as a gap). */
function paintBlock(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  size: number,
  level: number,
  style: BlockStyle,
): void {
  const { primary, secondary } = levelColors(level);
  const s = size - 1;
  ctx.fillStyle = hex(style === 2 ? secondary : primary);
  ctx.fillRect(x, y, s, s);
  ctx.fillStyle = hex(PHOSPHOR.bright);
  if (style === 0) {
    ctx.fillRect(x + 1, y + 1, s - 2, s - 2);
    ctx.fillRect(x, y, 1, 1);
  } else {
    ctx.fillRect(x, y, 1, 1);
    if (size >= 8) {
      ctx.fillRect(x + 1, y + 1, 2, 1);
      ctx.fillRect(x + 1, y + 2, 1, 1);
    }
  }
}

/** Draws every block frame into one canvas texture. */
function makeBlocks(textures: Phaser.Textures.TextureManager): void {
  const w = PALETTE_COUNT * 3 * 8;
  const tex = textures.createCanvas(TEX.blocks, w, 24);
  if (tex === null) throw new Error('cannot create the block texture');
  const ctx = tex.getContext();
  ctx.imageSmoothingEnabled = false;
  for (let lv = 0; lv < PALETTE_COUNT; lv++) {
    for (const style of [0, 1, 2] as const) {
      const x = (lv * 3 + style) * 8;
      paintBlock(ctx, x, 0, 8, lv, style);
      tex.add(blockFrame(lv, style), 0, x, 0, 8, 8);
      paintBlock(ctx, x, 8, 6, lv, style);
      tex.add(miniFrame(lv, style), 0, x, 8, 6, 6);
    }
  }
  // A white pixel (tinted rectangles) and the curtain tile (a striped block) on the third row.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 16, 1, 1);
  tex.add(PIXEL_FRAME, 0, 0, 16, 1, 1);
  ctx.fillStyle = hex(PHOSPHOR.frame);
  ctx.fillRect(8, 16, 7, 7);
  ctx.fillStyle = hex(PHOSPHOR.dim);
  for (let r = 1; r < 7; r += 2) ctx.fillRect(8, 16 + r, 7, 1);
  tex.add(CURTAIN_FRAME, 0, 8, 16, 8, 8);
  tex.refresh();
}

/** Draws the 5x7 font, white on transparent, one 8x8 cell per glyph (tinted when drawn). */
function makeFont(textures: Phaser.Textures.TextureManager): void {
  const tex = textures.createCanvas(TEX.font, FONT_CHARS.length * 8, 8);
  if (tex === null) throw new Error('cannot create the font texture');
  const ctx = tex.getContext();
  ctx.fillStyle = '#ffffff';
  FONT_CHARS.forEach((ch, i) => {
    const rows = GLYPHS[ch]!;
    rows.forEach((bits, r) => {
      for (let c = 0; c < 5; c++) if (bits & (16 >> c)) ctx.fillRect(i * 8 + 1 + c, r, 1, 1);
    });
    tex.add(ch, 0, i * 8, 0, 8, 8);
  });
  tex.refresh();
}

/** Generates the game's textures once per Phaser game. */
export function makeTextures(textures: Phaser.Textures.TextureManager): void {
  if (!textures.exists(TEX.blocks)) makeBlocks(textures);
  if (!textures.exists(TEX.font)) makeFont(textures);
}
