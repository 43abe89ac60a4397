import { GameEvent } from './buttons.ts';
import { PIECE_TYPES } from './pieces.ts';

/** Index of the long bar (I piece) in `PIECE_TYPES`. */
const I_PIECE = PIECE_TYPES.indexOf('I');

/**
 * A moment of a game that the statistics count: a piece entering the well (its type index 0..6,
 * the first piece of the game included) or rows cleared at once (1..4).
 */
export type StatEvent = { kind: 'spawn'; piece: number } | { kind: 'clear'; lines: number };

/** Running totals over a game's `StatEvent`s (plain data; fold events in with `addStatEvent`). */
export interface StatsTally {
  /** Pieces per type index (the NES statistics column). */
  readonly pieces: readonly number[];
  /** Clears of 1, 2, 3 and 4 rows. */
  readonly clears: readonly [number, number, number, number];
  /** Pieces since the last long bar (the drought going on now). */
  readonly drought: number;
  /** Longest run of pieces without a long bar so far, the current one included. */
  readonly longestDrought: number;
}

/** The statistics players of NES Tetris follow, derived from a tally and the frames played. */
export interface GameStats {
  /** Pieces per type index, in `PIECE_TYPES` order. */
  pieces: number[];
  /** All pieces that entered the well. */
  totalPieces: number;
  lines: number;
  /** Lines cleared by Tetrises (four rows at once). */
  tetrisLines: number;
  /** Lines cleared by singles, doubles and triples (not by Tetrises). */
  burns: number;
  /** Share of the lines cleared by Tetrises, 0..1; null before the first clear. */
  tetrisRate: number | null;
  /** Longest run of pieces without a long bar (I), the one going on included. */
  longestDrought: number;
  /** Pieces since the last long bar. */
  drought: number;
  /** Pieces per minute of game time; null before the first frame. */
  piecesPerMinute: number | null;
}

/** The tally of a game before its first piece. */
export function emptyStats(): StatsTally {
  return { pieces: [0, 0, 0, 0, 0, 0, 0], clears: [0, 0, 0, 0], drought: 0, longestDrought: 0 };
}

/** Folds one event into a tally (pure: returns a new tally); throws a RangeError on a bad event. */
export function addStatEvent(t: StatsTally, e: StatEvent): StatsTally {
  switch (e.kind) {
    case 'spawn': {
      if (!Number.isInteger(e.piece) || e.piece < 0 || e.piece >= PIECE_TYPES.length)
        throw new RangeError(`bad piece type index ${e.piece}`);
      const pieces = t.pieces.slice();
      pieces[e.piece]!++;
      const drought = e.piece === I_PIECE ? 0 : t.drought + 1;
      return { ...t, pieces, drought, longestDrought: Math.max(t.longestDrought, drought) };
    }
    case 'clear': {
      if (!Number.isInteger(e.lines) || e.lines < 1 || e.lines > 4)
        throw new RangeError(`bad line clear of ${e.lines} rows`);
      const clears = t.clears.slice() as [number, number, number, number];
      clears[e.lines - 1]! += 1;
      return { ...t, clears };
    }
    default: {
      const never: never = e;
      throw new Error(`unknown stat event ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The statistics of `tally` after `frames` frames at `framesPerSecond` (the NTSC rate is defined
 * with the protocol's constants; the engine counts frames only).
 */
export function statsOf(tally: StatsTally, frames: number, framesPerSecond: number): GameStats {
  const [singles, doubles, triples, tetrises] = tally.clears;
  const tetrisLines = 4 * tetrises;
  const burns = singles + 2 * doubles + 3 * triples;
  const lines = tetrisLines + burns;
  const totalPieces = tally.pieces.reduce((a, b) => a + b, 0);
  return {
    pieces: tally.pieces.slice(),
    totalPieces,
    lines,
    tetrisLines,
    burns,
    tetrisRate: lines === 0 ? null : tetrisLines / lines,
    longestDrought: tally.longestDrought,
    drought: tally.drought,
    piecesPerMinute: frames > 0 ? (totalPieces * framesPerSecond * 60) / frames : null,
  };
}

/** The statistics of a whole sequence of events (see `statsOf`). */
export function gameStats(
  events: Iterable<StatEvent>,
  frames: number,
  framesPerSecond: number,
): GameStats {
  let t = emptyStats();
  for (const e of events) t = addStatEvent(t, e);
  return statsOf(t, frames, framesPerSecond);
}

/** What `statEventsOf` reads from a game right after a step. */
export interface StatSource {
  /** The piece in the well (type index; -1 while hidden). */
  readonly pieceTypeIndex: number;
  /** Rows of the most recent clear. */
  readonly lastClearCount: number;
}

/**
 * The stat events of one `Game.step`: its `GameEvent` bits read with the game as the step left it.
 * The game's first piece has no Spawn event: count it with `{ kind: 'spawn', piece:
 * game.pieceTypeIndex }` before the first step.
 */
export function statEventsOf(events: number, game: StatSource): StatEvent[] {
  const out: StatEvent[] = [];
  if ((events & GameEvent.LinesCleared) !== 0 && game.lastClearCount > 0)
    out.push({ kind: 'clear', lines: game.lastClearCount });
  if ((events & GameEvent.Spawn) !== 0 && game.pieceTypeIndex >= 0)
    out.push({ kind: 'spawn', piece: game.pieceTypeIndex });
  return out;
}
