import { MAX_START_LEVEL } from '@tengen/protocol';
import { GAME_MODES, type GameMode } from './schema.ts';
import { statsOfRow } from './game-queries.ts';
import type { BoardFilter, PlayerGameEntry, PlayerGames, ScoreEntry } from './score-store.ts';
import { all, get, num, type Dialect, type Program } from './sql/program.ts';

interface BoardRow {
  rid: number | string;
  id: string;
  name: string;
  mode: GameMode;
  score: number;
  lines: number;
  level: number;
  start_level: number;
  created_at: number | string;
}

/** A player page's row: a board row with what its statistics need. */
interface PlayerRow extends BoardRow {
  frames: number;
  stats: string | null;
}

type Params = { mode: GameMode; n: number; start?: number; since?: number };

/**
 * A period holding at most this many games of the board's mode (and start level) is ranked in one
 * query (each name's best within the period, sorted: one table read per game). A larger one is
 * walked best-first on the score index instead, which tests the period on index entries alone and
 * finds its names early because such a period is dense. Measured with `scores:bench-boards`: at
 * 1,000,000 games, ranking 10,000 games took about 200 ms where the walk took 1-5 ms.
 */
export const PERIOD_AGGREGATE_MAX = 2_000;

/** A board row as a scoreboard line (`rank` 0 where a list is not a ranking). */
function entry(row: BoardRow, rank: number): ScoreEntry {
  return {
    rank,
    name: row.name,
    mode: row.mode,
    score: row.score,
    lines: row.lines,
    level: row.level,
    startLevel: row.start_level,
    replayId: row.id,
    at: new Date(num(row.created_at)),
  };
}

/**
 * Best game per name, highest score first, ties to the earlier game; at most `limit` lines. In
 * SQLite every statement names its index (`INDEXED BY`), so the plan does not depend on table
 * statistics: boards walk `games_board_idx`/`games_board_start_idx` best-first, periods count and
 * rank through `games_period_idx`/`games_period_start_idx`.
 */
export function* topBoard(
  d: Dialect,
  mode: GameMode,
  limit: number,
  filter: BoardFilter = {},
): Program<ScoreEntry[]> {
  const params: Params = { mode, n: limit };
  if (filter.startLevel !== undefined) params.start = filter.startLevel;
  if (filter.since !== undefined) {
    params.since = filter.since.getTime();
    const count = yield* get<{ n: number | string }>(sqlFor(d, 'count', params), params);
    if (num(count?.n ?? 0) <= PERIOD_AGGREGATE_MAX) {
      const rows = yield* all<BoardRow>(sqlFor(d, 'ranked', params), params);
      return rows.map((r, i) => entry(r, i + 1));
    }
  }
  return yield* walk(d, params, limit);
}

/** A name's best game per mode and start level (`games_player_best_idx`), and its latest games. */
export function* playerPage(d: Dialect, name: string, recent: number): Program<PlayerGames> {
  // One index seek per mode and start level: a busy name's games are never all read.
  const best: PlayerGameEntry[] = [];
  for (const mode of GAME_MODES)
    for (let start = 0; start <= MAX_START_LEVEL; start++) {
      const row = yield* get<PlayerRow>(sqlFor(d, 'best'), { name, mode, start });
      if (row) best.push(yield* playerEntry(row));
    }
  const latest: PlayerGameEntry[] = [];
  for (const row of yield* all<PlayerRow>(sqlFor(d, 'recent'), { name, n: recent }))
    latest.push(yield* playerEntry(row));
  return { best, recent: latest };
}

/** A player page's line: the game and its statistics. */
function* playerEntry(row: PlayerRow): Program<PlayerGameEntry> {
  return { ...entry(row, 0), stats: yield* statsOfRow(row) };
}

/** Walks the score index a page at a time; a name's first game is its best. */
function* walk(d: Dialect, params: Params, limit: number): Program<ScoreEntry[]> {
  const seen = new Set<string>();
  const out: ScoreEntry[] = [];
  const n = Math.max(64, limit * 4);
  let page = yield* all<BoardRow>(sqlFor(d, 'first', params), { ...params, n });
  for (;;) {
    for (const row of page) {
      if (seen.has(row.name)) continue;
      seen.add(row.name);
      out.push(entry(row, out.length + 1));
      if (out.length >= limit) return out;
    }
    const last = page.at(-1);
    if (!last || page.length < n) return out;
    page = yield* all<BoardRow>(sqlFor(d, 'next', params), {
      ...params,
      n,
      score: last.score,
      at: num(last.created_at),
      rid: last.rid,
    });
  }
}

type Kind = 'count' | 'ranked' | 'first' | 'next' | 'best' | 'recent';

/** The SQL of one board query for a dialect and filter shape (memoised: the text is the cache key). */
function sqlFor(d: Dialect, kind: Kind, params: Partial<Params> = {}): string {
  const start = params.start !== undefined;
  const since = params.since !== undefined;
  const key = `${d.name}:${kind}:${start}:${since}`;
  let text = SQL_CACHE.get(key);
  if (text === undefined) {
    text = buildSql(d, kind, start, since);
    SQL_CACHE.set(key, text);
  }
  return text;
}

const SQL_CACHE = new Map<string, string>();

function buildSql(d: Dialect, kind: Kind, start: boolean, since: boolean): string {
  const columns = `${d.tie} AS rid, id, name, mode, score, lines, level, start_level, created_at`;
  const bestFirst = `ORDER BY score DESC, created_at ASC, ${d.tie} ASC LIMIT @n`;
  const where = [
    'mode = @mode',
    start ? 'start_level = @start' : '',
    since ? 'created_at >= @since' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  const periodIdx = d.indexed(start ? 'games_period_start_idx' : 'games_period_idx');
  const boardIdx = d.indexed(start ? 'games_board_start_idx' : 'games_board_idx');
  switch (kind) {
    case 'count':
      return `SELECT count(*) AS n FROM games ${periodIdx} WHERE ${where}`;
    case 'ranked':
      return `SELECT * FROM (SELECT ${columns}, row_number() OVER (PARTITION BY name
          ORDER BY score DESC, created_at ASC, ${d.tie} ASC) AS rn
        FROM games ${periodIdx} WHERE ${where}) AS ranked
        WHERE rn = 1 ORDER BY score DESC, created_at ASC, rid ASC LIMIT @n`;
    case 'first':
      return `SELECT ${columns} FROM games ${boardIdx} WHERE ${where} ${bestFirst}`;
    case 'next':
      return `SELECT ${columns} FROM games ${boardIdx} WHERE ${where}
        AND (score < @score OR (score = @score
          AND (created_at > @at OR (created_at = @at AND ${d.tie} > @rid)))) ${bestFirst}`;
    case 'best':
      return `SELECT ${columns}, frames, stats FROM games ${d.indexed('games_player_best_idx')}
        WHERE name = @name AND mode = @mode AND start_level = @start
        ORDER BY score DESC, created_at ASC, ${d.tie} ASC LIMIT 1`;
    case 'recent':
      return `SELECT ${columns}, frames, stats FROM games ${d.indexed('games_player_recent_idx')}
        WHERE name = @name ORDER BY created_at DESC, ${d.tie} DESC LIMIT @n`;
    default: {
      const never: never = kind;
      throw new Error(`unknown board query ${String(never)}`);
    }
  }
}
