import type { SQL } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { Query } from '../sql/program.ts';
import { games, nameClaims, nameCodes } from './schema.ts';
import { pgSslOptions, type PgTls } from './pg-tls.ts';
import { nodePostgres, orm } from '../drizzle.ts';

const { sql } = orm;
const { drizzle } = nodePostgres;

/** The Drizzle handle on a pool (or, inside a transaction, on its connection). */
export type PgDb = NodePgDatabase<{ games: typeof games }>;

/** How to reach PostgreSQL. */
export interface PgOptions {
  /** `postgres://` or `postgresql://` URL (`DATABASE_URL`). */
  url: string;
  /**
   * Replaces the URL's password: a fixed one, or a function node-postgres calls for every new
   * connection (a short-lived IAM token, for instance).
   */
  password?: string | (() => Promise<string>);
  /** TLS to the server; replaces any `ssl*` parameter of the URL. Default: as the URL says. */
  tls?: PgTls;
  /** Connections kept by this process (default 10). */
  maxConnections?: number;
  /** How long a new connection may take before the attempt fails (default 10 s). */
  connectTimeoutMs?: number;
  /** Called when an idle connection breaks (the pool drops it; the next query opens another). */
  onIdleError?: (err: Error) => void;
}

/** A node-postgres pool with the settings every process uses, and Drizzle on it. */
export function openPool(opts: PgOptions): { pool: pg.Pool; db: PgDb } {
  // The URL parsed here rather than passed as `connectionString`, whose fields would override the
  // password given beside it (`sslmode` and the other query parameters are kept).
  const pool = new pg.Pool({
    ...parseIntoClientConfig(opts.url),
    ...(opts.password === undefined ? {} : { password: opts.password }),
    ...(opts.tls === undefined ? {} : { ssl: pgSslOptions(opts.tls) }),
    max: opts.maxConnections ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'tengen-tetris',
  });
  // An idle connection that breaks (server restart, failover) emits 'error' on the pool; without
  // a listener that would be an uncaught exception and take the process down.
  pool.on('error', (err) => opts.onIdleError?.(err));
  return { pool, db: drizzle(pool, { schema: { games, nameClaims, nameCodes } }) };
}

/** A query with `@name` placeholders as Drizzle SQL with bound parameters. */
export function toSql(q: Query): SQL {
  const parts = q.sql.split(/@(\w+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else {
      if (!(part in q.params)) throw new Error(`query parameter @${part} is missing`);
      chunks.push(sql`${q.params[part]}`);
    }
  });
  return sql.join(chunks);
}

/** Runs one program query on `db` (the pool, or a transaction). */
export async function execPg(db: Pick<PgDb, 'execute'>, q: Query): Promise<unknown> {
  const result = await db.execute(toSql(q));
  switch (q.op) {
    case 'all':
      return result.rows;
    case 'get':
      return result.rows[0];
    case 'run':
      return { changes: result.rowCount ?? 0 };
    default: {
      const never: never = q.op;
      throw new Error(`unknown query op ${String(never)}`);
    }
  }
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
