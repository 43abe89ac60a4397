export { openDatabase, type OpenOptions, type SqliteDatabase } from './database.ts';
export { isBusy, migrateDatabase, MIGRATIONS_FOLDER, type MigrationResult } from './migrate.ts';
export { isStorageUnavailable, withRetry, type RetryOptions } from './retry.ts';
export {
  GAME_MODES,
  games,
  nameClaims,
  nameCodes,
  type GameMode,
  type GameRow,
  type NewGameRow,
} from './schema.ts';
export type {
  BoardFilter,
  GameInfo,
  NewGame,
  PlayerGameEntry,
  PlayerGames,
  SavedGame,
  ScoreEntry,
  ScoreStore,
  StoredReplay,
} from './score-store.ts';
export { PERIOD_AGGREGATE_MAX } from './board-reader.ts';
export { nameKeyOf, NameTakenError, type NameStatus, type RedeemOutcome } from './name-ledger.ts';
export { statsColumnOf, storedStats, tallyOfColumn } from './stored-stats.ts';
export { ReopeningScoreStore } from './reopening-score-store.ts';
export { newGameId, SqliteScoreStore, type SqliteStoreOptions } from './sqlite-score-store.ts';
export {
  IAM_TOKEN_REUSE_MS,
  iamTarget,
  pgIamPassword,
  PgIamUrlError,
  type PgIamPasswordOptions,
} from './pg-iam-password.ts';
export { PgScoreStore, type PgStoreOptions } from './pg/pg-score-store.ts';
export { openPool, redactUrl, type PgOptions } from './pg/pg-database.ts';
export { DatabaseUnavailableError } from './pg/pg-errors.ts';
export {
  parsePemCertificates,
  PG_TLS_MODES,
  pgSslOptions,
  RDS_CA_CERTIFICATES,
  type PgTls,
} from './pg/pg-tls.ts';
export { migratePg, migratePgDatabase, PG_MIGRATIONS_FOLDER } from './pg/pg-migrate.ts';
export { COPY_USAGE, parseCopyArgs, type CopyArgs } from './copy/copy-args.ts';
export { copySqliteToPg, type CopyReport, type TableCopy } from './copy/copy-sqlite-to-pg.ts';
