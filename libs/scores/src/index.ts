export { openDatabase, type OpenOptions, type SqliteDatabase } from './database.ts';
export { isBusy, migrateDatabase, MIGRATIONS_FOLDER, type MigrationResult } from './migrate.ts';
export { isStorageUnavailable, withRetry, type RetryOptions } from './retry.ts';
export { GAME_MODES, games, type GameMode, type GameRow, type NewGameRow } from './schema.ts';
export type {
  GameInfo,
  NewGame,
  SavedGame,
  ScoreEntry,
  ScoreStore,
  StoredReplay,
} from './score-store.ts';
export { ReopeningScoreStore } from './reopening-score-store.ts';
export { newGameId, SqliteScoreStore, type SqliteStoreOptions } from './sqlite-score-store.ts';
