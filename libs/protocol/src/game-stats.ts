import type { GameStats } from '@tengen/engine';

/** Piece types the statistics count (the NES's seven). */
const PIECE_KINDS = 7;

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const rate = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/**
 * Reads a game's statistics (`GameStats`, the engine's) from untrusted JSON, as the API sends them
 * in `GET /api/games/:id` and `GET /api/players/:name`: null when the value is not statistics or
 * contradicts itself (counts that do not add up, a Tetris rate outside 0..1).
 */
export function parseGameStats(json: unknown): GameStats | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const { pieces, totalPieces, lines, tetrisLines, burns, tetrisRate } = o;
  const { longestDrought, drought, piecesPerMinute } = o;
  if (!Array.isArray(pieces) || pieces.length !== PIECE_KINDS || !pieces.every(count)) return null;
  if (![totalPieces, lines, tetrisLines, burns, longestDrought, drought].every(count)) return null;
  if (!rate(tetrisRate) || !rate(piecesPerMinute)) return null;
  const n = (v: unknown) => v as number;
  if (pieces.reduce((a: number, b: number) => a + b, 0) !== totalPieces) return null;
  if (n(tetrisLines) + n(burns) !== lines || n(tetrisLines) % 4 !== 0) return null;
  if ((tetrisRate === null) !== (lines === 0) || (tetrisRate !== null && tetrisRate > 1))
    return null;
  if (n(drought) > n(longestDrought) || n(longestDrought) > n(totalPieces)) return null;
  return {
    pieces: pieces.slice(),
    totalPieces: n(totalPieces),
    lines: n(lines),
    tetrisLines: n(tetrisLines),
    burns: n(burns),
    tetrisRate,
    longestDrought: n(longestDrought),
    drought: n(drought),
    piecesPerMinute,
  };
}
