import { CELL_DX, CELL_DY, SPAWN_ORIENTATION } from '@tengen/engine';

/**
 * The four cells of a piece type in its spawn orientation, as offsets in cells from the shape's
 * centre (halves included), for the next-piece preview and the statistics icons.
 */
export function centredShape(typeIndex: number): { dx: number; dy: number }[] {
  const o = SPAWN_ORIENTATION[typeIndex] ?? SPAWN_ORIENTATION[0]!;
  const cells = [0, 1, 2, 3].map((i) => ({ x: CELL_DX[o * 4 + i]!, y: CELL_DY[o * 4 + i]! }));
  const xs = cells.map((c) => c.x);
  const ys = cells.map((c) => c.y);
  const cx = (Math.min(...xs) + Math.max(...xs) + 1) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys) + 1) / 2;
  return cells.map((c) => ({ dx: c.x - cx, dy: c.y - cy }));
}
