import { randomBytes } from 'node:crypto';
import { claimOrCheck } from './name-ledger.ts';
import type { GameStats } from '@tengen/engine';
import type { GameInfo, NewGame, SavedGame, StoredReplay } from './score-store.ts';
import { statsColumnOf, storedStats, tallyOfColumn } from './stored-stats.ts';
import { all, get, num, run, type Dialect, type Program } from './sql/program.ts';

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A 12-character URL-safe id from a cryptographic source (60 bits). */
export function newGameId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

/** A game as its `games` row's named parameters. */
function gameParams(game: NewGame, id: string, at: number) {
  return {
    id,
    mode: game.mode,
    name: game.name,
    score: game.score,
    lines: game.lines,
    level: game.level,
    start: game.startLevel,
    frames: game.frames,
    seed: game.seed,
    replay: game.replayJson,
    version: game.engineVersion,
    // The engine re-runs the replay once more here (about 1 ms per 10 minutes of game), so pages
    // of games never have to.
    stats: statsColumnOf(game.replayJson),
    at,
  };
}

// An id already stored (a retried save whose first write landed, or the same save from another
// process at the same moment) inserts nothing: the unique key decides, never a read before.
const INSERT = `INSERT INTO games (id, mode, name, score, lines, level, start_level, frames, seed,
    replay, engine_version, stats, created_at)
  VALUES (@id, @mode, @name, @score, @lines, @level, @start, @frames, @seed, @replay, @version,
    @stats, @at)
  ON CONFLICT (id) DO NOTHING`;

/** "The new row is better than the stored best": higher score, then earlier, then lower id. */
const BETTER = `excluded.score > best_scores.score OR (excluded.score = best_scores.score
  AND (excluded.created_at < best_scores.created_at OR (excluded.created_at = best_scores.created_at
    AND excluded.game_id < best_scores.game_id)))`;
const TAKE = `DO UPDATE SET game_id = excluded.game_id, score = excluded.score,
  created_at = excluded.created_at WHERE ${BETTER}`;

// The name's best game per mode, kept in the same transaction as the game.
const KEEP_BEST = `INSERT INTO best_scores (mode, name, game_id, score, created_at)
  VALUES (@mode, @name, @id, @score, @at) ON CONFLICT (mode, name) ${TAKE}`;

/**
 * Every name's best game per mode from `games` into `best_scores` (rows copied straight into
 * `games`: the copy command, benchmarks). Both dialects; the migration backfills the same way.
 */
export const REBUILD_BEST_SCORES = `INSERT INTO best_scores (mode, name, game_id, score, created_at)
  SELECT mode, name, id, score, created_at FROM (SELECT mode, name, id, score, created_at,
    row_number() OVER (PARTITION BY mode, name ORDER BY score DESC, created_at ASC, id ASC) AS rn
    FROM games) AS ranked WHERE rn = 1
  ON CONFLICT (mode, name) ${TAKE}`;

/**
 * The write transaction of a save: the name claim (when `keyHash` is set), the game and the name's
 * best. Reports whether the name was claimed; the rank is read after the commit (`rankOf`).
 */
export function* insertGame(game: NewGame, id: string, at: number): Program<{ claimed: boolean }> {
  const claimed =
    game.keyHash === undefined ? false : yield* claimOrCheck(game.name, game.keyHash, at);
  const params = gameParams(game, id, at);
  const { changes } = yield* run(INSERT, params);
  if (changes === 1) yield* run(KEEP_BEST, params);
  return { claimed };
}

/**
 * After the write: checks that the stored row with `id` is this game (same replay) and reports
 * the rank it takes among each name's best game (other names with a game ahead of it, plus one).
 */
export function* rankOf(d: Dialect, game: NewGame, id: string): Program<SavedGame['rank']> {
  const row = yield* get<{ created_at: number | string; replay: string }>(
    'SELECT created_at, replay FROM games WHERE id = @id',
    { id },
  );
  if (!row || row.replay !== game.replayJson)
    throw new Error(`game id ${id} is already stored for another game`);
  // Other names whose best game is ahead of this one (higher score, or same score and earlier):
  // a count over names (`best_scores`), not over every game ahead.
  const ahead = yield* get<{ n: number | string }>(
    `SELECT count(*) AS n FROM best_scores ${d.indexed('best_scores_rank_idx')}
     WHERE mode = @mode AND name <> @name AND (score > @score OR (score = @score
       AND (created_at < @at OR (created_at = @at AND game_id < @id))))`,
    { mode: game.mode, name: game.name, score: game.score, at: num(row.created_at), id },
  );
  return num(ahead?.n ?? 0) + 1;
}

/** The best `limit` stored games of one seed and start level (`games_seed_idx`), best first. */
export function replaysOf(seed: number, startLevel: number, limit: number) {
  return all<StoredReplay>(
    `SELECT id, name, replay AS "replayJson" FROM games
     WHERE seed = @seed AND start_level = @start ORDER BY score DESC LIMIT @n`,
    { seed, start: startLevel, n: limit },
  );
}

/** The stored replay JSON text of a game, or undefined. */
export function* replayOf(id: string): Program<string | undefined> {
  const row = yield* get<{ replay: string }>('SELECT replay FROM games WHERE id = @id', { id });
  return row?.replay;
}

/** A stored game's statistics from its row: the replay is read only when `stats` is unusable. */
export function* statsOfRow(row: {
  id: string;
  frames: number;
  stats: string | null;
}): Program<GameStats | null> {
  const replay = tallyOfColumn(row.stats) === undefined ? yield* replayOf(row.id) : undefined;
  return storedStats(row.stats, row.frames, () => replay);
}

/** A stored game's facts without its replay, or undefined. */
export function* gameInfoOf(id: string): Program<GameInfo | undefined> {
  const row = yield* get<
    Omit<GameInfo, 'at' | 'stats'> & { at: number | string; stats: string | null }
  >(
    `SELECT id, mode, name, score, lines, level, start_level AS "startLevel", frames,
       engine_version AS "engineVersion", created_at AS at, stats FROM games WHERE id = @id`,
    { id },
  );
  if (row === undefined) return undefined;
  const stats = yield* statsOfRow(row);
  return { ...row, at: new Date(num(row.at)), stats };
}
