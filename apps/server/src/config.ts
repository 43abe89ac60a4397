import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod';
import { PG_TLS_MODES, type PgTls } from '@tengen/scores';
import { databaseTls, URL_TLS_PARAMS, urlTlsParam } from './config-database-tls.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(0).max(65_535);
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
/** A browser origin: `scheme://host[:port]`, no path. */
const origin = z
  .string()
  .regex(
    /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/,
    'expected comma-separated origins such as https://play.example.com',
  );

/**
 * Default `MAX_CONNECTIONS`. `npx nx run server:bench-memory` (500 players in duo rooms) measured
 * 268 MB of RSS at rest and about 60 KB more per idle, 80 KB per playing connection: 1,500 players
 * take about 390 MB, and 508 MB with the per-connection part doubled, inside the chart's 512Mi limit.
 */
export const DEFAULT_MAX_CONNECTIONS = 1500;

/** An `http(s)://host[:port]` base URL between our own processes (relay and game servers). */
const serviceUrl = z.preprocess(
  emptyToUndefined,
  z.url({ protocol: /^https?$/, error: 'expected an http(s):// URL' }).optional(),
);

/**
 * A PostgreSQL URL: `postgres://` or `postgresql://`, a host (or a `host=` socket folder), a
 * database name; user, password, port and query parameters as libpq reads them, except TLS ones
 * (`sslmode` and the rest: `DATABASE_TLS` says it, once).
 */
const databaseUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine(
      (v) => {
        if (!URL.canParse(v)) return false;
        const u = new URL(v);
        return (
          /^postgres(ql)?:$/.test(u.protocol) &&
          (u.hostname !== '' || u.searchParams.has('host')) &&
          u.pathname.length > 1
        );
      },
      { error: 'expected postgres://user:password@host[:port]/database' },
    )
    .refine((v) => urlTlsParam(v) === undefined, {
      error: `TLS is not read from the URL (${URL_TLS_PARAMS.join(', ')}): set DATABASE_TLS=off|verify-full and DATABASE_CA_FILE instead`,
    })
    .optional(),
);

/** What this process is: a game server (rooms, scores, HTTP API) or a watch relay. */
export const ROLES = ['game', 'relay'] as const;

/** How the PostgreSQL user proves itself: the URL's password, or an RDS IAM token per connection. */
export const DATABASE_AUTHS = ['password', 'iam'] as const;

const schema = z.object({
  ROLE: z.enum(ROLES).default('game'),
  WATCH_RELAY_URL: serviceUrl,
  WATCH_RELAY_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, 'must be at least 32 characters').max(512).optional(),
  ),
  RELAY_UPSTREAM_URL: serviceUrl,
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(2567),
  DB_FILE: z.string().min(1).default('./data/tengen.db'),
  DATABASE_URL: databaseUrl,
  REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  PUBLIC_ADDRESS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/,
        'expected host[:port][/path], without a scheme',
      )
      .optional(),
  ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DRAIN_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
  ROOM_WARMUP_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
  CLIENT_DIR: z.string().min(1).default('dist/apps/client'),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  METRICS_PORT: port.default(9464),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(z.array(origin)),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_MAX_CONNECTIONS),
  OUTBOX_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  OUTBOX_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  DATABASE_AUTH: z.enum(DATABASE_AUTHS).default('password'),
  DATABASE_TLS: z.enum(PG_TLS_MODES).default('off'),
  DATABASE_CA_FILE: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  AWS_REGION: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as eu-west-1')
      .optional(),
  ),
});

/** Variables whose value may hold a password: never repeated whole in an error. */
const SECRETS = new Set(['DATABASE_URL']);

/** A secret as an error may show it: a URL without its password, anything else not at all. */
function redactSecret(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url) return value === '' ? '' : '(hidden)';
  if (url.password) url.password = '***';
  return url.toString();
}

/** Aliases kept from the old app's chart: the first name wins when both are set. */
const ALIASES: Record<string, string> = { ADDRESS: 'HOST', DB_FILENAME: 'DB_FILE' };

/** Server settings, parsed once from the environment at start-up. */
export interface Config {
  /** `ROLE`: `game` (default) or `relay` (serves spectators, see `relay/relay-server.ts`). */
  role: (typeof ROLES)[number];
  /** Game role: seat browsers that watch on this relay (`WATCH_RELAY_URL`), else in the room. */
  watchRelayUrl: string | undefined;
  /** The secret relays and game servers share (`WATCH_RELAY_SECRET`). */
  watchRelaySecret: string | undefined;
  /** Relay role: the game servers' base URL the relay asks for its upstream seats. */
  relayUpstreamUrl: string | undefined;
  host: string;
  port: number;
  /** Absolute path of the SQLite file (its folder exists); unused with `databaseUrl`. */
  dbFile: string;
  /** `DATABASE_URL`: scores in this PostgreSQL database instead of the SQLite file. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** `host[:port][/path]` clients use to reach this process; the path is a routing prefix. */
  publicAddress: string | undefined;
  /** The path part of `publicAddress` (e.g. `/pods/pod-0`), '' when none. */
  pathPrefix: string;
  logLevel: (typeof LOG_LEVELS)[number];
  drainSeconds: number;
  /**
   * After start-up, how long other processes create no new room here (the load balancer routes
   * a new pod's path only once its health checks pass: the chart's ALB, 2 checks 10 s apart).
   */
  roomWarmupSeconds: number;
  /** Absolute path of the built client. */
  clientDir: string;
  /**
   * Proxies in front of the server that append to `X-Forwarded-For` (the ALB is one). The client
   * address is the entry that many hops from the right; 0 trusts the header not at all.
   */
  trustedProxyHops: number;
  /** Port of the Prometheus `/metrics` listener (never routed by the Ingress); 0 picks a free one. */
  metricsPort: number;
  /** Origins allowed to call matchmaking from another site; empty means same-origin only. */
  corsOrigins: string[];
  /** WebSocket connections this process accepts; further players are refused ("server full"). */
  maxConnections: number;
  /** Absolute folder of the score outbox (games kept while the database cannot be written). */
  outboxDir: string;
  /** Longest pause between two outbox retry rounds, in ms. */
  outboxRetryMaxMs: number;
  /** `DATABASE_AUTH`: `iam` signs an RDS IAM token per connection (`pgIamPassword`). */
  databaseAuth: (typeof DATABASE_AUTHS)[number];
  /** `AWS_REGION`: the region that signs IAM tokens (required with `iam`). */
  awsRegion: string | undefined;
  /**
   * `DATABASE_TLS` (+ `DATABASE_CA_FILE`): TLS to PostgreSQL, off or verified against the CA file's
   * certificates, else the Amazon RDS CAs. Required as `verify-full` with `DATABASE_AUTH=iam`.
   */
  databaseTls: PgTls;
  /** Absolute path of `DATABASE_CA_FILE`, when the CAs come from it. */
  databaseCaFile: string | undefined;
}

/** Thrown for an invalid environment; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment (`HOST`/`ADDRESS`, `PORT`, `DB_FILE`/`DB_FILENAME`, `DATABASE_URL`, `REDIS_URL`,
 * `PUBLIC_ADDRESS`, `LOG_LEVEL`, `DRAIN_SECONDS`, `ROOM_WARMUP_SECONDS`, `CLIENT_DIR`, `TRUSTED_PROXY_HOPS`, `METRICS_PORT`,
 * `CORS_ORIGINS`, `MAX_CONNECTIONS`, `OUTBOX_DIR`, `OUTBOX_RETRY_MAX_SECONDS`, `ROLE`,
 * `WATCH_RELAY_URL`, `WATCH_RELAY_SECRET`, `RELAY_UPSTREAM_URL`, `DATABASE_AUTH`, `AWS_REGION`,
 * `DATABASE_TLS`, `DATABASE_CA_FILE`) and creates the database folder
 * (game role).
 * Throws a `ConfigError` naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) input[key] = env[key];
  for (const [alias, key] of Object.entries(ALIASES)) input[key] ??= env[alias];
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const alias = Object.keys(ALIASES).find(
      (a) => ALIASES[a] === name && env[name] === undefined && env[a] !== undefined,
    );
    const shown = alias ? `${alias} (alias of ${name})` : name;
    const value = SECRETS.has(name) ? redactSecret(input[name] ?? '') : (input[name] ?? '');
    throw new ConfigError(
      `invalid ${shown}=${JSON.stringify(value)}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const c = parsed.data;
  if (c.METRICS_PORT !== 0 && c.METRICS_PORT === c.PORT)
    throw new ConfigError(
      `invalid METRICS_PORT="${c.METRICS_PORT}": must differ from PORT (metrics are never served on the public port)`,
    );
  const relayError = relaySettingsError(c);
  if (relayError) throw new ConfigError(relayError);
  const authError = databaseAuthError(c, c.DATABASE_URL);
  if (authError) throw new ConfigError(authError);
  const tls = databaseTls(c, cwd);
  if (!tls.ok) throw new ConfigError(tls.error);
  const dbFile = resolve(cwd, c.DB_FILE);
  try {
    if (c.ROLE === 'game') mkdirSync(dirname(dbFile), { recursive: true });
  } catch (err) {
    throw new ConfigError(
      `invalid DB_FILE=${JSON.stringify(c.DB_FILE)}: cannot create its folder (${(err as Error).message})`,
    );
  }
  const slash = c.PUBLIC_ADDRESS?.indexOf('/') ?? -1;
  return {
    role: c.ROLE,
    watchRelayUrl: c.WATCH_RELAY_URL,
    watchRelaySecret: c.WATCH_RELAY_SECRET,
    relayUpstreamUrl: c.RELAY_UPSTREAM_URL,
    host: c.HOST,
    port: c.PORT,
    dbFile,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    publicAddress: c.PUBLIC_ADDRESS,
    pathPrefix: c.PUBLIC_ADDRESS && slash >= 0 ? c.PUBLIC_ADDRESS.slice(slash) : '',
    logLevel: c.LOG_LEVEL,
    drainSeconds: c.DRAIN_SECONDS,
    roomWarmupSeconds: c.ROOM_WARMUP_SECONDS,
    clientDir: resolve(cwd, c.CLIENT_DIR),
    trustedProxyHops: c.TRUSTED_PROXY_HOPS,
    metricsPort: c.METRICS_PORT,
    corsOrigins: c.CORS_ORIGINS,
    maxConnections: c.MAX_CONNECTIONS,
    outboxDir: c.OUTBOX_DIR === undefined ? dirname(dbFile) : resolve(cwd, c.OUTBOX_DIR),
    outboxRetryMaxMs: c.OUTBOX_RETRY_MAX_SECONDS * 1000,
    databaseAuth: c.DATABASE_AUTH,
    awsRegion: c.AWS_REGION,
    databaseTls: tls.tls,
    databaseCaFile: tls.caFile,
  };
}

/** The watch-relay variables that must come together, as an error naming the variable. */
function relaySettingsError(c: z.infer<typeof schema>): string | undefined {
  if (c.ROLE === 'relay') {
    if (c.RELAY_UPSTREAM_URL === undefined)
      return 'invalid RELAY_UPSTREAM_URL="": required with ROLE=relay (the game servers\' base URL)';
    if (c.WATCH_RELAY_SECRET === undefined)
      return 'invalid WATCH_RELAY_SECRET="": required with ROLE=relay (shared with the game servers)';
    if (c.PUBLIC_ADDRESS === undefined)
      return 'invalid PUBLIC_ADDRESS="": required with ROLE=relay (browsers open their sockets there)';
  }
  if (c.WATCH_RELAY_URL !== undefined && c.WATCH_RELAY_SECRET === undefined)
    return 'invalid WATCH_RELAY_SECRET="": required with WATCH_RELAY_URL (shared with the relay)';
  return undefined;
}

/** `DATABASE_AUTH=iam` needs a PostgreSQL URL without a password, and a region to sign in. */
function databaseAuthError(
  c: z.infer<typeof schema>,
  databaseUrl: string | undefined,
): string | undefined {
  if (c.DATABASE_AUTH !== 'iam') return undefined;
  const url = URL.parse(databaseUrl ?? '');
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || url.username === '')
    return 'invalid DATABASE_AUTH="iam": needs DATABASE_URL=postgres://user@host:5432/db (IAM authentication is for PostgreSQL)';
  if (url.password !== '')
    return 'invalid DATABASE_AUTH="iam": DATABASE_URL must carry no password (a token is signed for each connection)';
  if (c.AWS_REGION === undefined)
    return 'invalid AWS_REGION="": required with DATABASE_AUTH=iam (the region of the database, which signs the token)';
  return undefined;
}
