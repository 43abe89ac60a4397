import {
  migrateDatabase,
  migratePgDatabase,
  openDatabase,
  PgScoreStore,
  redactUrl,
  ReopeningScoreStore,
  type MigrationResult,
  type ScoreStore,
} from '@tengen/scores';
import type { Config } from './config.ts';

/** What the process may add to the configured database settings. */
export interface StoreExtras {
  /** PostgreSQL password in place of the URL's: fixed, or a provider called per connection (IAM). */
  password?: string | (() => Promise<string>);
}

/** Where the scores live, for logs (a PostgreSQL URL without its password). */
export function storeLocation(config: Config): string {
  return config.databaseUrl ? redactUrl(config.databaseUrl) : config.dbFile;
}

/**
 * Opens (and migrates) the score store the configuration names: PostgreSQL with `DATABASE_URL`,
 * else the SQLite file `DB_FILE`. Rejects with `DatabaseUnavailableError` when PostgreSQL cannot
 * be reached.
 */
export async function openScoreStore(
  config: Config,
  extras: StoreExtras = {},
): Promise<ScoreStore> {
  if (config.databaseUrl === undefined) return ReopeningScoreStore.open(config.dbFile);
  return PgScoreStore.open({ url: config.databaseUrl, ...extras });
}

/** `migrate`: applies pending migrations to the configured database and reports them. */
export async function migrateStore(
  config: Config,
  extras: StoreExtras = {},
): Promise<MigrationResult> {
  if (config.databaseUrl === undefined) {
    const db = openDatabase(config.dbFile);
    try {
      return migrateDatabase(db);
    } finally {
      db.close();
    }
  }
  return migratePgDatabase({ url: config.databaseUrl, ...extras });
}
