import { MAX_START_LEVEL } from '@tengen/protocol';
import type { SqliteDatabase } from './database.ts';
import { GAME_MODES, type GameMode } from './schema.ts';
import type { BoardFilter, PlayerGameEntry, PlayerGames, ScoreEntry } from './score-store.ts';
import { storedStats } from './stored-stats.ts';

interface BoardRow {
  rid: number;
  id: string;
  name: string;
  mode: GameMode;
  score: number;
  lines: number;
  level: number;
  start_level: number;
  created_at: number;
}

/** A player page's row: a board row with what its statistics need. */
interface PlayerRow extends BoardRow {
  frames: number;
  stats: string | null;
}

type Params = { mode: GameMode; n: number; start?: number; since?: number };

const COLUMNS = 'rowid AS rid, id, name, mode, score, lines, level, start_level, created_at';
const PLAYER_COLUMNS = `${COLUMNS}, frames, stats`;
const BEST_FIRST = 'ORDER BY score DESC, created_at ASC, rowid ASC LIMIT @n';

/**
 * A period holding at most this many games of the board's mode (and start level) is ranked in one
 * query (each name's best within the period, sorted: one table read per game). A larger one is
 * walked best-first on the score index instead, which tests the period on index entries alone and
 * finds its names early because such a period is dense. Measured with `scores:bench-boards`: at
 * 1,000,000 games, ranking 10,000 games took about 200 ms where the walk took 1-5 ms.
 */
export const PERIOD_AGGREGATE_MAX = 2_000;

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
    at: new Date(row.created_at),
  };
}

/**
 * The scoreboard and player-page queries on one connection. Every statement names its index
 * (`INDEXED BY`), so the plan does not depend on table statistics: boards walk
 * `games_board_idx`/`games_board_start_idx` best-first, periods count and rank through
 * `games_period_idx`/`games_period_start_idx`, player pages read the `games_player_*` indexes.
 */
export class BoardReader {
  readonly #db: SqliteDatabase;
  readonly #statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  readonly #replayOf: (id: string) => string | undefined;

  /** `replayOf` reads a stored replay: only games stored before their stats column need it. */
  constructor(db: SqliteDatabase, replayOf: (id: string) => string | undefined) {
    this.#db = db;
    this.#replayOf = replayOf;
  }

  /** Best game per name, highest score first, ties to the earlier game; at most `limit` lines. */
  top(mode: GameMode, limit: number, filter: BoardFilter = {}): ScoreEntry[] {
    const params: Params = { mode, n: limit };
    if (filter.startLevel !== undefined) params.start = filter.startLevel;
    if (filter.since !== undefined) {
      params.since = filter.since.getTime();
      const count = this.#get<{ n: number }>('count', params)?.n ?? 0;
      if (count <= PERIOD_AGGREGATE_MAX)
        return this.#all<BoardRow>('ranked', params).map((r, i) => entry(r, i + 1));
    }
    return this.#walk(params, limit);
  }

  /** A name's best game per mode and start level, and its most recent games. */
  player(name: string, recent: number): PlayerGames {
    // One index seek per mode and start level: a busy name's games are never all read.
    const best: PlayerGameEntry[] = [];
    for (const mode of GAME_MODES)
      for (let start = 0; start <= MAX_START_LEVEL; start++) {
        const row = this.#get<PlayerRow>('best', { name, mode, start });
        if (row) best.push(this.#playerEntry(row));
      }
    const latest = this.#all<PlayerRow>('recent', { name, n: recent }).map((r) =>
      this.#playerEntry(r),
    );
    return { best, recent: latest };
  }

  #playerEntry(row: PlayerRow): PlayerGameEntry {
    const stats = storedStats(row.stats, row.frames, () => this.#replayOf(row.id));
    return { ...entry(row, 0), stats };
  }

  /** Walks the score index a page at a time; a name's first game is its best. */
  #walk(params: Params, limit: number): ScoreEntry[] {
    const seen = new Set<string>();
    const out: ScoreEntry[] = [];
    const n = Math.max(64, limit * 4);
    let page = this.#all<BoardRow>('first', { ...params, n });
    for (;;) {
      for (const row of page) {
        if (seen.has(row.name)) continue;
        seen.add(row.name);
        out.push(entry(row, out.length + 1));
        if (out.length >= limit) return out;
      }
      const last = page.at(-1);
      if (!last || page.length < n) return out;
      page = this.#all<BoardRow>('next', {
        ...params,
        n,
        score: last.score,
        at: last.created_at,
        rid: last.rid,
      });
    }
  }

  #all<T>(kind: Kind, params: Record<string, unknown>): T[] {
    return this.#statement(kind, params).all(params) as T[];
  }

  #get<T>(kind: Kind, params: Record<string, unknown>): T | undefined {
    return this.#statement(kind, params).get(params) as T | undefined;
  }

  /** One prepared statement per query kind and filter shape, prepared on first use. */
  #statement(kind: Kind, params: Record<string, unknown>) {
    const start = params['start'] !== undefined;
    const since = params['since'] !== undefined;
    const key = `${kind}:${start}:${since}`;
    let stmt = this.#statements.get(key);
    if (!stmt) {
      stmt = this.#db.prepare(sqlFor(kind, start, since));
      this.#statements.set(key, stmt);
    }
    return stmt;
  }
}

type Kind = 'count' | 'ranked' | 'first' | 'next' | 'best' | 'recent';

function sqlFor(kind: Kind, start: boolean, since: boolean): string {
  const where = [
    'mode = @mode',
    start ? 'start_level = @start' : '',
    since ? 'created_at >= @since' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  const periodIdx = start ? 'games_period_start_idx' : 'games_period_idx';
  const boardIdx = start ? 'games_board_start_idx' : 'games_board_idx';
  switch (kind) {
    case 'count':
      return `SELECT count(*) AS n FROM games INDEXED BY ${periodIdx} WHERE ${where}`;
    case 'ranked':
      return `SELECT * FROM (SELECT ${COLUMNS}, row_number() OVER (PARTITION BY name
          ORDER BY score DESC, created_at ASC, rowid ASC) AS rn
        FROM games INDEXED BY ${periodIdx} WHERE ${where})
        WHERE rn = 1 ORDER BY score DESC, created_at ASC, rid ASC LIMIT @n`;
    case 'first':
      return `SELECT ${COLUMNS} FROM games INDEXED BY ${boardIdx} WHERE ${where} ${BEST_FIRST}`;
    case 'next':
      return `SELECT ${COLUMNS} FROM games INDEXED BY ${boardIdx} WHERE ${where}
        AND (score < @score OR (score = @score
          AND (created_at > @at OR (created_at = @at AND rowid > @rid)))) ${BEST_FIRST}`;
    case 'best':
      return `SELECT ${PLAYER_COLUMNS} FROM games INDEXED BY games_player_best_idx
        WHERE name = @name AND mode = @mode AND start_level = @start
        ORDER BY score DESC, created_at ASC, rowid ASC LIMIT 1`;
    case 'recent':
      return `SELECT ${PLAYER_COLUMNS} FROM games INDEXED BY games_player_recent_idx
        WHERE name = @name ORDER BY created_at DESC, rowid DESC LIMIT @n`;
    default: {
      const never: never = kind;
      throw new Error(`unknown board query ${String(never)}`);
    }
  }
}
