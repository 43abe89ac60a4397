import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPool } from '@tengen/scores';
import {
  runServerMain,
  spawnServer,
  startTlsPostgres,
  type SpawnedServer,
  type TestCa,
  type TestPostgres,
  type TlsPostgres,
} from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedSolo, submit } from './testing/storage-faults.ts';

const dir = mkdtempSync(join(tmpdir(), 'server-pg-tls-'));
let tls: TlsPostgres;
let ca: TestCa;
let db: TestPostgres;
let caFile: string;
let otherCaFile: string;
const servers: SpawnedServer[] = [];

// PostgreSQL with TLS only (pg_hba `hostssl`) and a certificate for 127.0.0.1 from a test CA.
beforeAll(async () => {
  tls = await startTlsPostgres();
  ({ db, ca, caFile, otherCaFile } = tls);
}, 120_000);
afterAll(async () => {
  for (const s of servers.splice(0)) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
  await tls?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `main.ts [args]` to its exit with exactly `env` (plus PATH and an unused SQLite path). */
const main = (env: Record<string, string>, args: string[] = []) =>
  runServerMain({ PORT: '0', METRICS_PORT: '0', DB_FILE: join(dir, 'x.db'), ...env }, args);

describe('the server on PostgreSQL over verified TLS', { timeout: 240_000 }, () => {
  it('connects with TLS (pg_stat_ssl) and stores a score', async () => {
    const server = await spawnServer(
      {
        PORT: '0',
        DATABASE_URL: db.url,
        DATABASE_TLS: 'verify-full',
        DATABASE_CA_FILE: caFile,
        DB_FILE: join(dir, 'never.db'),
        OUTBOX_DIR: join(dir, 'outbox'),
        DRAIN_SECONDS: '1',
        CLIENT_DIR: join(dir, 'no-client'),
      },
      [],
      90_000,
    );
    servers.push(server);
    const { player, score } = await finishedSolo(server.url);
    expect(await submit(player, 'tls')).toMatchObject({ type: 'submitted', score });
    const { pool } = openPool({ url: db.url, tls: { mode: 'verify-full', ca: [ca.cert] } });
    try {
      const { rows } = await pool.query<{ ssl: boolean; n: string }>(
        `SELECT s.ssl, count(*) AS n FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
         WHERE a.application_name = 'tengen-tetris' GROUP BY s.ssl`,
      );
      expect(rows.map((r) => r.ssl)).toEqual([true]);
      const stored = await pool.query<{ name: string }>('SELECT name FROM games');
      expect(stored.rows).toEqual([{ name: 'tls' }]);
    } finally {
      await pool.end();
    }
    server.proc.kill('SIGTERM');
    await server.exited;
  });

  it('stops with one line when the certificate is not from DATABASE_CA_FILE (serve and migrate)', async () => {
    for (const args of [[], ['migrate']]) {
      const { code, stderr } = await main(
        { DATABASE_URL: db.url, DATABASE_TLS: 'verify-full', DATABASE_CA_FILE: otherCaFile },
        args,
      );
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^tengen-server: PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: TLS: the server's certificate is not trusted: [^\n]+\n$/,
      );
    }
  });

  it('refuses IAM authentication without verified TLS at start-up, in one line', async () => {
    const { code, stderr } = await main({
      DATABASE_URL: `postgres://tengen@127.0.0.1:${db.port}/postgres`,
      DATABASE_AUTH: 'iam',
      AWS_REGION: 'eu-west-1',
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'tengen-server: invalid DATABASE_TLS="off": DATABASE_AUTH=iam needs DATABASE_TLS=verify-full (RDS takes IAM tokens over TLS only, and a token must not cross the network in clear)\n',
    );
  });
});
