// framesPerDropTable (NTSC): frames per row for levels 0-28; 29 and above drop every frame.
// prettier-ignore
const FRAMES_PER_DROP = Uint8Array.from([
  48, 43, 38, 33, 28, 23, 18, 13, 8, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
]);

/** Frames per row of gravity at a level (`drop_tetrimino`: level >= 29 skips the table and uses 1). */
export function framesPerDrop(level: number): number {
  return level >= 29 ? 1 : FRAMES_PER_DROP[level]!;
}
