import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(0).max(65_535);
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const schema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(2567),
  DB_FILE: z.string().min(1).default('./data/tengen.db'),
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
  CLIENT_DIR: z.string().min(1).default('dist/apps/client'),
  OUTBOX_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  OUTBOX_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
});

/** Aliases kept from the old app's chart: the first name wins when both are set. */
const ALIASES: Record<string, string> = { ADDRESS: 'HOST', DB_FILENAME: 'DB_FILE' };

/** Server settings, parsed once from the environment at start-up. */
export interface Config {
  host: string;
  port: number;
  /** Absolute path of the SQLite file (its folder exists). */
  dbFile: string;
  redisUrl: string | undefined;
  /** `host[:port][/path]` clients use to reach this process; the path is a routing prefix. */
  publicAddress: string | undefined;
  /** The path part of `publicAddress` (e.g. `/pods/pod-0`), '' when none. */
  pathPrefix: string;
  logLevel: (typeof LOG_LEVELS)[number];
  drainSeconds: number;
  /** Absolute path of the built client. */
  clientDir: string;
  /** Absolute folder of the score outbox (games kept while the database cannot be written). */
  outboxDir: string;
  /** Longest pause between two outbox retry rounds, in ms. */
  outboxRetryMaxMs: number;
}

/** Thrown for an invalid environment; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment (`HOST`/`ADDRESS`, `PORT`, `DB_FILE`/`DB_FILENAME`, `REDIS_URL`,
 * `PUBLIC_ADDRESS`, `LOG_LEVEL`, `DRAIN_SECONDS`, `CLIENT_DIR`, `OUTBOX_DIR`,
 * `OUTBOX_RETRY_MAX_SECONDS`) and creates the database folder.
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
    throw new ConfigError(
      `invalid ${shown}=${JSON.stringify(input[name] ?? '')}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const c = parsed.data;
  const dbFile = resolve(cwd, c.DB_FILE);
  try {
    mkdirSync(dirname(dbFile), { recursive: true });
  } catch (err) {
    throw new ConfigError(
      `invalid DB_FILE=${JSON.stringify(c.DB_FILE)}: cannot create its folder (${(err as Error).message})`,
    );
  }
  const slash = c.PUBLIC_ADDRESS?.indexOf('/') ?? -1;
  return {
    host: c.HOST,
    port: c.PORT,
    dbFile,
    redisUrl: c.REDIS_URL,
    publicAddress: c.PUBLIC_ADDRESS,
    pathPrefix: c.PUBLIC_ADDRESS && slash >= 0 ? c.PUBLIC_ADDRESS.slice(slash) : '',
    logLevel: c.LOG_LEVEL,
    drainSeconds: c.DRAIN_SECONDS,
    clientDir: resolve(cwd, c.CLIENT_DIR),
    outboxDir: c.OUTBOX_DIR === undefined ? dirname(dbFile) : resolve(cwd, c.OUTBOX_DIR),
    outboxRetryMaxMs: c.OUTBOX_RETRY_MAX_SECONDS * 1000,
  };
}
