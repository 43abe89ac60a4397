import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPool, SqliteScoreStore, type NewGame } from '@tengen/scores';
import { testGame } from '@tengen/scores/testing';
import {
  HOSTSSL_ONLY,
  runServerMain,
  startTlsPostgres,
  type TestCa,
  type TestPostgres,
  type TlsPostgres,
} from '@tengen/test-kit';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from './config.ts';
import { copyScoresCommand } from './copy-scores-command.ts';
import { storeExtras, type StoreExtras } from './open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'server-copy-scores-'));
let tls: TlsPostgres;
let ca: TestCa;
let db: TestPostgres;
let caFile: string;
let otherCaFile: string;
let admin: pg.Pool;
const source = join(dir, 'scores.db');

/** A stored game; frames differ by score, so each row is told apart when read back. */
const game = (name: string, score: number, keyHash?: string): NewGame =>
  testGame(name, score, { frames: 100 + score, ...(keyHash ? { keyHash } : {}) });

// A PostgreSQL that takes TLS connections only (pg_hba `hostssl`), with a certificate for
// 127.0.0.1 from a test CA; the database `tengen` belongs to the role `tengen`, as on Aurora.
beforeAll(async () => {
  // `tengen` sends its password in clear inside TLS, as RDS IAM authentication does.
  tls = await startTlsPostgres(['hostssl all tengen 127.0.0.1/32 password', ...HOSTSSL_ONLY]);
  ({ db, ca, caFile, otherCaFile } = tls);
  admin = openPool({ url: db.url, tls: { mode: 'verify-full', ca: [ca.cert] } }).pool;
  await admin.query('CREATE ROLE tengen LOGIN');
  await admin.query('CREATE DATABASE tengen OWNER tengen');
  const store = SqliteScoreStore.open(source);
  await store.saveGame(game('ann', 3000, 'a'.repeat(64)));
  await store.saveGame(game('bob', 2000));
  await store.saveGame(game('cy', 1000));
  store.close();
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await tls?.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

/** The command's exit code and what it wrote. */
async function copy(
  argv: string[],
  env: NodeJS.ProcessEnv,
  extrasOf: (config: Config) => StoreExtras | Promise<StoreExtras> = storeExtras,
) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await copyScoresCommand(
    argv,
    { DB_FILE: join(dir, 'unused', 'x.db'), ...env },
    { say: (l) => lines.push(l), fail: (l) => errors.push(l) },
    extrasOf,
  );
  return { code, lines, errors };
}

const iamEnv = () => ({
  DATABASE_URL: `postgres://tengen@127.0.0.1:${db.port}/tengen`,
  DATABASE_AUTH: 'iam',
  AWS_REGION: 'eu-west-1',
  DATABASE_TLS: 'verify-full',
  DATABASE_CA_FILE: caFile,
});

describe('copy-scores with the server settings: IAM authentication and verified TLS', () => {
  it('copies with an RDS IAM token as the password, over TLS verified against DATABASE_CA_FILE', async () => {
    // Static keys in the environment: the AWS SDK's default chain reads them, as it reads the Pod
    // Identity agent's in the cluster. The signing is real and offline.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEEXAMPLE00');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret-key-example-secret-key-0000');
    // Standing in for RDS, which accepts a token whose signature it checks: this PostgreSQL
    // accepts the one token the command's signer hands out (it reuses a token for 10 minutes),
    // set as the role's password before the command connects.
    const tokens: string[] = [];
    const seen: Config[] = [];
    const asRds = async (config: Config) => {
      seen.push(config);
      const extras = storeExtras(config);
      const sign = extras.password as () => Promise<string>;
      const token = await sign();
      await admin.query(`ALTER ROLE tengen PASSWORD '${token.replaceAll("'", "''")}'`);
      return {
        ...extras,
        password: async () => {
          tokens.push(await sign());
          return tokens.at(-1)!;
        },
      };
    };
    const result = await copy(['--from', `sqlite:${source}`], iamEnv(), asRds);
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.lines).toContain(
      'games: 3 in SQLite, 3 copied, 0 already there; 3 in PostgreSQL',
    );
    expect(seen[0]?.databaseTls).toEqual({ mode: 'verify-full', ca: [ca.cert.trim()] });
    expect(tokens.length).toBeGreaterThan(0);
    expect(new Set(tokens).size).toBe(1);
    const token = tokens[0]!;
    expect(token.startsWith(`127.0.0.1:${db.port}/?`)).toBe(true);
    const q = new URL(`https://${token}`).searchParams;
    expect(q.get('Action')).toBe('connect');
    expect(q.get('DBUser')).toBe('tengen');
    expect(q.get('X-Amz-Credential')).toMatch(/^AKIAEXAMPLEEXAMPLE00\/\d{8}\/eu-west-1\/rds-db\//);
    // The rows are in `tengen`, in tables the role `tengen` created (it migrated, signed in by token).
    const { pool } = openPool({
      url: db.urlFor('tengen'),
      tls: { mode: 'verify-full', ca: [ca.cert] },
    });
    try {
      const { rows } = await pool.query<{ n: string; owner: string }>(
        `SELECT (SELECT count(*) FROM games) AS n, tableowner AS owner FROM pg_tables WHERE tablename = 'games'`,
      );
      expect(rows).toEqual([{ n: '3', owner: 'tengen' }]);
    } finally {
      await pool.end();
    }
  });

  it('sends the signed token and nothing else: a role without that password is refused', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEEXAMPLE00');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret-key-example-secret-key-0000');
    await admin.query(`ALTER ROLE tengen PASSWORD 'not-the-token'`);
    const result = await copy(['--from', `sqlite:${source}`], iamEnv());
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(/^copy-scores: password authentication failed for user "tengen"$/),
    ]);
  });

  it.each([
    [
      'IAM without TLS',
      () => ({ ...iamEnv(), DATABASE_TLS: 'off', DATABASE_CA_FILE: '' }),
      /^copy-scores: invalid DATABASE_TLS="off": DATABASE_AUTH=iam needs DATABASE_TLS=verify-full/,
    ],
    [
      'IAM without a URL',
      () => ({ ...iamEnv(), DATABASE_URL: '' }),
      /^copy-scores: invalid DATABASE_AUTH="iam": needs DATABASE_URL=postgres:\/\/user@host/,
    ],
    [
      'no target',
      () => ({ DATABASE_URL: '' }),
      /^copy-scores: no target: give --to postgres:\/\/\.\.\. or set DATABASE_URL$/,
    ],
  ])('refuses bad settings with one line and exit 2: %s', async (_, env, message) => {
    const result = await copy(['--from', `sqlite:${source}`], env());
    expect(result.code).toBe(2);
    expect(result.errors).toEqual([expect.stringMatching(message)]);
  });

  it('--to is DATABASE_URL with the same checks: a password beside IAM is refused, not shown', async () => {
    const result = await copy(
      [
        '--from',
        `sqlite:${source}`,
        '--to',
        `postgres://tengen:hunter2@127.0.0.1:${db.port}/tengen`,
      ],
      iamEnv(),
    );
    expect(result.code).toBe(2);
    expect(result.errors).toEqual([expect.stringMatching(/DATABASE_URL must carry no password/)]);
    expect(result.errors.join('')).not.toContain('hunter2');
  });
});

// Each run starts a Node process that loads the server's modules: give them room on a busy machine.
describe('`npm run copy-scores` (main.ts copy-scores)', { timeout: 240_000 }, () => {
  const cli = (args: string[], env: Record<string, string>) =>
    runServerMain({ DB_FILE: join(dir, 'unused', 'x.db'), ...env }, ['copy-scores', ...args]);

  it('copies with a password URL over verified TLS, exit 0; a wrong CA, one line and exit 1', async () => {
    await admin.query('CREATE DATABASE cli');
    const to = `postgres://postgres:postgres@127.0.0.1:${db.port}/cli`;
    const ok = await cli(['--from', `sqlite:${source}`, '--to', to], {
      DATABASE_TLS: 'verify-full',
      DATABASE_CA_FILE: caFile,
    });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('games: 3 in SQLite, 3 copied');
    const wrong = await cli(['--from', `sqlite:${source}`, '--to', to], {
      DATABASE_TLS: 'verify-full',
      DATABASE_CA_FILE: otherCaFile,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /^copy-scores: PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/cli: TLS: the server's certificate is not trusted: [^\n]+\n$/,
    );
  });

  it('TLS off against this server: one line, exit 1; bad arguments: the usage, exit 2', async () => {
    const to = `postgres://postgres:postgres@127.0.0.1:${db.port}/cli`;
    const plain = await cli(['--from', `sqlite:${source}`, '--to', to], {});
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/the server accepts only TLS connections \(.+\): turn TLS on\n$/);
    const bad = await cli(['--from', source], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^copy-scores: --from expected sqlite:PATH; usage: copy-scores --from sqlite:PATH \[--to /,
    );
  });
});
