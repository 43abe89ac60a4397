import { GAME_MODES } from '@tengen/protocol';
import { bestScoreColumns, gameColumns } from '../game-columns.ts';
import { orm, pgCore } from '../drizzle.ts';

const { sql } = orm;
const { customType, index, integer, pgTable, primaryKey, text } = pgCore;

/**
 * An instant as milliseconds since the epoch in a `bigint`, read and written as a `Date`: the same
 * value SQLite's `integer({ mode: 'timestamp_ms' })` columns hold, so one SQL text serves both
 * dialects and a copy moves values unchanged.
 */
const timestampMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

/** Now, in milliseconds (the `created_at` default). */
const NOW_MS = sql`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`;

/** PostgreSQL's column factories for the column lists written once in `../game-columns.ts`. */
const COLUMNS = {
  key: (name: string) => text(name).primaryKey(),
  text: (name: string) => text(name).notNull(),
  optionalText: (name: string) => text(name),
  mode: (name: string) => text(name, { enum: GAME_MODES }).notNull(),
  int: (name: string) => integer(name).notNull(),
  createdAt: (name: string) => timestampMs(name).notNull().default(NOW_MS),
};

/**
 * PostgreSQL's `games`: the same table, columns and indexes as SQLite's (`../schema.ts`), whose doc
 * comments say what each holds and why each index exists.
 */
export const games = pgTable('games', gameColumns(COLUMNS), (t) => [
  index('games_board_idx').on(t.mode, t.score.desc(), t.createdAt),
  index('games_seed_idx').on(t.seed, t.startLevel, t.score.desc()),
  index('games_rank_idx').on(t.mode, t.score.desc(), t.createdAt, t.name),
  index('games_board_start_idx').on(t.mode, t.startLevel, t.score.desc(), t.createdAt),
  index('games_period_idx').on(t.mode, t.createdAt),
  index('games_period_start_idx').on(t.mode, t.startLevel, t.createdAt),
  index('games_player_best_idx').on(t.name, t.mode, t.startLevel, t.score.desc()),
  index('games_player_recent_idx').on(t.name, t.createdAt),
]);

/** PostgreSQL's `name_claims` (see `../schema.ts`). */
export const nameClaims = pgTable('name_claims', {
  nameKey: text('name_key').primaryKey(),
  keyHash: text('key_hash').notNull(),
  claimedAt: timestampMs('claimed_at').notNull(),
});

/** PostgreSQL's `name_codes` (see `../schema.ts`). */
export const nameCodes = pgTable('name_codes', {
  nameKey: text('name_key').primaryKey(),
  codeHash: text('code_hash').notNull(),
  expiresAt: timestampMs('expires_at').notNull(),
  failures: integer('failures').notNull().default(0),
});

/** PostgreSQL's `best_scores` (see `../schema.ts`). */
export const bestScores = pgTable('best_scores', bestScoreColumns(COLUMNS), (t) => [
  primaryKey({ columns: [t.mode, t.name] }),
  index('best_scores_rank_idx').on(t.mode, t.score.desc(), t.createdAt, t.gameId),
]);
