import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { GAME_MODES } from '@tengen/protocol';

/** Game modes with their own score table: the protocol's modes, re-exported for the store's callers. */
export { GAME_MODES, type GameMode } from '@tengen/protocol';

/**
 * One finished, server-verified game. The score columns are what the server's own engine computed
 * from the player's inputs; `replay` (replay JSON text, its `version` equal to `engineVersion`:
 * the rules version it was played under) lets anyone re-verify them.
 */
export const games = sqliteTable(
  'games',
  {
    id: text('id').primaryKey(),
    mode: text('mode', { enum: GAME_MODES }).notNull(),
    name: text('name').notNull(),
    score: integer('score').notNull(),
    lines: integer('lines').notNull(),
    level: integer('level').notNull(),
    startLevel: integer('start_level').notNull(),
    frames: integer('frames').notNull(),
    seed: integer('seed').notNull(),
    replay: text('replay').notNull(),
    engineVersion: integer('engine_version').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    // The scoreboard walks a mode's games best-first and keeps each name's first (best) game,
    // so it reads only the top of this index; ranks count the games ahead of a score.
    index('games_board_idx').on(t.mode, sql`${t.score} desc`, t.createdAt),
    // The copy check reads the best stored games of one seed and start level (any mode).
    index('games_seed_idx').on(t.seed, t.startLevel, sql`${t.score} desc`),
  ],
);

/** A row as read back. */
export type GameRow = typeof games.$inferSelect;
/** A row to insert. */
export type NewGameRow = typeof games.$inferInsert;
