/** The phosphor colours of the terminal look, as 0xRRGGBB. */
export const PHOSPHOR = {
  background: 0x020a04,
  dim: 0x0d3b1a,
  frame: 0x1f8f3f,
  text: 0x39ff6a,
  bright: 0xb8ffc8,
  flash: 0x1a5c2b,
} as const;

/** Block styles as on the NES: outlined with a light centre, solid primary, solid secondary. */
export type BlockStyle = 0 | 1 | 2;

// The cartridge draws T, O and I with the outlined style, J and S in the first colour, Z and L in
// the second (`orientationToTileIndex` picks tiles $7B, $7D, $7C).
const STYLE_OF_TYPE: readonly BlockStyle[] = [0, 1, 2, 0, 1, 2, 0];

/** Block style of a piece type index 0..6 (T J Z O S L I). */
export function blockStyle(typeIndex: number): BlockStyle {
  return STYLE_OF_TYPE[typeIndex] ?? 0;
}

/** Number of distinct level palettes; levels repeat them like the NES (level mod 10). */
export const PALETTE_COUNT = 10;

function hslToRgb(h: number, s: number, l: number): number {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const to8 = (v: number): number => Math.round(v * 255);
  return (to8(f(0)) << 16) | (to8(f(8)) << 8) | to8(f(4));
}

/**
 * The two block colours of a level, as the NES changes colours every level. To keep the green
 * phosphor look the hues stay between yellow-green and cyan-green; brightness separates the pair.
 */
export function levelColors(level: number): { primary: number; secondary: number } {
  const i = ((level % PALETTE_COUNT) + PALETTE_COUNT) % PALETTE_COUNT;
  const hue = 95 + ((i * 7) % PALETTE_COUNT) * 8; // 95..167 degrees, neighbours far apart
  return { primary: hslToRgb(hue, 0.95, 0.58), secondary: hslToRgb((hue + 40) % 360, 0.8, 0.36) };
}

/** CSS hex for a 0xRRGGBB colour. */
export function cssColor(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}
