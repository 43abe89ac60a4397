/** One dialect's column factories for the games table (each returns a NOT NULL column builder). */
export interface ColumnFactories<Key, Text, Mode, Int, At, Opt = Text> {
  /** The primary key (text). */
  key(name: string): Key;
  text(name: string): Text;
  /** Text that may be NULL (a column added after games were stored). */
  optionalText(name: string): Opt;
  /** Text limited to the game modes. */
  mode(name: string): Mode;
  int(name: string): Int;
  /** An instant in milliseconds, defaulting to now. */
  createdAt(name: string): At;
}

/**
 * The `games` columns, written once and built with each dialect's factories (`schema.ts` for
 * SQLite, `pg/schema.ts` for PostgreSQL), so both tables have the same names, types and order.
 */
export function gameColumns<Key, Text, Mode, Int, At, Opt>(
  c: ColumnFactories<Key, Text, Mode, Int, At, Opt>,
) {
  return {
    id: c.key('id'),
    mode: c.mode('mode'),
    name: c.text('name'),
    score: c.int('score'),
    lines: c.int('lines'),
    level: c.int('level'),
    startLevel: c.int('start_level'),
    frames: c.int('frames'),
    seed: c.int('seed'),
    replay: c.text('replay'),
    engineVersion: c.int('engine_version'),
    createdAt: c.createdAt('created_at'),
    // The engine's stat tally of the replay (JSON, see `stored-stats.ts`); null for games stored
    // before the column existed (SQLite migration 0004, PostgreSQL 0002).
    stats: c.optionalText('stats'),
  };
}

/**
 * The `best_scores` columns: each name's best game per mode, kept by the save transaction so the
 * rank a new game takes is a count over names, not over every game ahead of it.
 */
export function bestScoreColumns<Key, Text, Mode, Int, At, Opt>(
  c: ColumnFactories<Key, Text, Mode, Int, At, Opt>,
) {
  // The same definitions as `games` (fresh builders: a column belongs to one table).
  const { mode, name, score, createdAt } = gameColumns(c);
  return { mode, name, gameId: c.text('game_id'), score, createdAt };
}
