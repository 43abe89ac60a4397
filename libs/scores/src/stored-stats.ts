import {
  parseReplay,
  replayTally,
  statsOf,
  ReplayError,
  type GameStats,
  type StatsTally,
} from '@tengen/engine';
import { FRAMES_PER_SECOND } from '@tengen/protocol';

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const counts = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every(count);

/**
 * The `games.stats` text of a replay: the engine's stat tally of the whole game (piece counts,
 * clears by size, droughts) as JSON, so a page of games shows its statistics without re-running
 * any of them. Null for a replay the engine cannot run (only tools and tests store such games;
 * the server stores verified games only).
 */
export function statsColumnOf(replayJson: string): string | null {
  let replay;
  try {
    replay = parseReplay(JSON.parse(replayJson));
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof ReplayError) return null;
    throw err;
  }
  const { tally } = replayTally(replay);
  return JSON.stringify(tally);
}

/** Reads a `games.stats` text back (undefined when absent or not a tally: never trusted blindly). */
export function tallyOfColumn(text: string | null): StatsTally | undefined {
  if (text === null) return undefined;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null) return undefined;
  const { pieces, clears, drought, longestDrought } = o;
  if (!counts(pieces, 7) || !counts(clears, 4) || !count(drought) || !count(longestDrought))
    return undefined;
  return { pieces, clears: clears as [number, number, number, number], drought, longestDrought };
}

/**
 * A stored game's statistics: from its `stats` column, or, for a game stored before the column
 * existed (or with a damaged one), by re-running its replay (`replayJson` is read only then).
 * Null when neither is usable.
 */
export function storedStats(
  text: string | null,
  frames: number,
  replayJson: () => string | undefined,
): GameStats | null {
  let tally = tallyOfColumn(text);
  if (tally === undefined) {
    const json = replayJson();
    const column = json === undefined ? null : statsColumnOf(json);
    tally = tallyOfColumn(column);
  }
  return tally === undefined ? null : statsOf(tally, frames, FRAMES_PER_SECOND);
}
