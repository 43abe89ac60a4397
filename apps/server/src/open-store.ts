import {
  migrateDatabase,
  migratePgDatabase,
  openDatabase,
  PgScoreStore,
  pgIamPassword,
  redactUrl,
  ReopeningScoreStore,
  type MigrationResult,
  type PgTls,
  type ScoreStore,
} from '@tengen/scores';
import type { Config } from './config.ts';

/** What the process may add to the configured database settings. */
export interface StoreExtras {
  /** PostgreSQL password in place of the URL's: fixed, or a provider called per connection (IAM). */
  password?: string | (() => Promise<string>);
  /** TLS to PostgreSQL (`DATABASE_TLS`, `DATABASE_CA_FILE`). */
  tls?: PgTls;
}

/**
 * The settings the configuration adds to a PostgreSQL URL: its TLS settings, and with
 * `DATABASE_AUTH=iam` an RDS IAM token signed with the process's AWS identity for each new
 * connection (no password anywhere).
 */
export function storeExtras(config: Config): StoreExtras {
  if (config.databaseUrl === undefined) return {};
  const tls = config.databaseTls;
  if (config.databaseAuth !== 'iam') return { tls };
  // config.ts refuses `iam` without a region, with a password in the URL, or without TLS.
  const region = config.awsRegion!;
  return { tls, password: pgIamPassword(new URL(config.databaseUrl), { region }) };
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
  extras: StoreExtras = storeExtras(config),
): Promise<ScoreStore> {
  if (config.databaseUrl === undefined) return ReopeningScoreStore.open(config.dbFile);
  return PgScoreStore.open({ url: config.databaseUrl, ...extras });
}

/** `migrate`: applies pending migrations to the configured database and reports them. */
export async function migrateStore(
  config: Config,
  extras: StoreExtras = storeExtras(config),
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
