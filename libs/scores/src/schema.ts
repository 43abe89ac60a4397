import { GAME_MODES } from '@tengen/protocol';
import { bestScoreColumns, gameColumns } from './game-columns.ts';
import { orm, sqliteCore } from './drizzle.ts';

const { sql } = orm;
const { index, integer, primaryKey, sqliteTable, text } = sqliteCore;

/** Game modes with their own score table: the protocol's modes, re-exported for the store's callers. */
export { GAME_MODES, type GameMode } from '@tengen/protocol';

/** SQLite's column factories for the column lists written once in `game-columns.ts`. */
const COLUMNS = {
  key: (name: string) => text(name).primaryKey(),
  text: (name: string) => text(name).notNull(),
  optionalText: (name: string) => text(name),
  mode: (name: string) => text(name, { enum: GAME_MODES }).notNull(),
  int: (name: string) => integer(name).notNull(),
  createdAt: (name: string) =>
    integer(name, { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
};

/**
 * One finished, server-verified game. The score columns are what the server's own engine computed
 * from the player's inputs; `replay` (replay JSON text, its `version` equal to `engineVersion`:
 * the rules version it was played under) lets anyone re-verify them.
 */
export const games = sqliteTable('games', gameColumns(COLUMNS), (t) => [
  // The scoreboard walks a mode's games best-first and keeps each name's first (best) game,
  // so it reads only the top of this index; ranks count the games ahead of a score.
  index('games_board_idx').on(t.mode, sql`${t.score} desc`, t.createdAt),
  // The copy check reads the best stored games of one seed and start level (any mode).
  index('games_seed_idx').on(t.seed, t.startLevel, sql`${t.score} desc`),
  // The rank a saved game takes counts the names ahead of it: this index covers that count, so
  // it reads index pages only (a low score on a big board has most games ahead of it).
  index('games_rank_idx').on(t.mode, sql`${t.score} desc`, t.createdAt, t.name),
  // Boards of one start level, walked best-first like games_board_idx.
  index('games_board_start_idx').on(t.mode, t.startLevel, sql`${t.score} desc`, t.createdAt),
  // Boards of a period (today, this week): the period's games of a mode (and start level).
  index('games_period_idx').on(t.mode, t.createdAt),
  index('games_period_start_idx').on(t.mode, t.startLevel, t.createdAt),
  // A player's page: best per mode and start level, and the most recent games.
  index('games_player_best_idx').on(t.name, t.mode, t.startLevel, sql`${t.score} desc`),
  index('games_player_recent_idx').on(t.name, t.createdAt),
]);

/**
 * Who holds a name: the SHA-256 (hex) of the browser key the server issued to the first browser that
 * stored a score under it. `name_key` is the name in lower case, so "Ann" and "ann" are one name.
 */
export const nameClaims = sqliteTable('name_claims', {
  nameKey: text('name_key').primaryKey(),
  keyHash: text('key_hash').notNull(),
  claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * The one live move code of a name (a new one replaces it): SHA-256 (hex) of the name key and the
 * code, when it expires, and how many wrong codes were tried against it.
 */
export const nameCodes = sqliteTable('name_codes', {
  nameKey: text('name_key').primaryKey(),
  codeHash: text('code_hash').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  failures: integer('failures').notNull().default(0),
});

/**
 * Each name's best game per mode (score, then the earlier game, then the lower id), written in the
 * save transaction: a new game's rank counts the names whose best is ahead of it here.
 */
export const bestScores = sqliteTable('best_scores', bestScoreColumns(COLUMNS), (t) => [
  primaryKey({ columns: [t.mode, t.name] }),
  index('best_scores_rank_idx').on(t.mode, sql`${t.score} desc`, t.createdAt, t.gameId),
]);

/** A row as read back. */
export type GameRow = typeof games.$inferSelect;
/** A row to insert. */
export type NewGameRow = typeof games.$inferInsert;
