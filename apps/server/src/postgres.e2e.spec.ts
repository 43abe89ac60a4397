import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScoresResponse } from '@tengen/protocol';
import {
  freePort,
  runServerMain,
  spawnServer,
  startPostgres,
  type SpawnedServer,
  type TestPostgres,
} from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedSolo, metric, submit } from './testing/storage-faults.ts';

let pgServer: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'server-pg-'));
const servers: SpawnedServer[] = [];
beforeAll(async () => {
  pgServer = await startPostgres();
});
afterAll(async () => {
  for (const s of servers.splice(0)) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
  await pgServer.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `main.ts [args]` to its exit with exactly `env` (plus PATH and an unused SQLite path). */
const main = (env: Record<string, string>, args: string[] = []) =>
  runServerMain({ PORT: '0', METRICS_PORT: '0', DB_FILE: join(dir, 'unused.db'), ...env }, args);

describe('DATABASE_URL at start-up', () => {
  it.each([
    ['mysql://tengen:hunter2@db.example.com/tengen', 'mysql://tengen:***@db.example.com/tengen'],
    ['postgres://tengen:hunter2@/tengen', '(hidden)'],
    ['postgres://tengen:hunter2@db.example.com', 'postgres://tengen:***@db.example.com'],
    ['not a url', '(hidden)'],
  ])('refuses %s in one line naming the variable, without the password', async (url, shown) => {
    const { code, stdout, stderr } = await main({ DATABASE_URL: url });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `tengen-server: invalid DATABASE_URL=${JSON.stringify(shown)}: expected postgres://user:password@host[:port]/database\n`,
    );
  });

  it.each([[[]], [['migrate']]])(
    'stops with one line when nothing answers at the address (args %j)',
    async (args) => {
      const port = await freePort();
      const url = `postgres://tengen:hunter2@127.0.0.1:${port}/tengen`;
      const { code, stderr } = await main({ DATABASE_URL: url }, args);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(
          `^tengen-server: PostgreSQL at postgres://tengen:\\*\\*\\*@127\\.0\\.0\\.1:${port}/tengen is unavailable: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\n$`,
        ),
      );
    },
  );

  it('migrates with `migrate`: everything once, then nothing', async () => {
    const { url } = await pgServer.createDatabase();
    const first = await main({ DATABASE_URL: url }, ['migrate']);
    expect(first.code).toBe(0);
    const line = JSON.parse(first.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'migrations applied' });
    expect(line['applied']).toBeGreaterThan(0);
    expect(line['total']).toBe(line['applied']);
    expect(String(line['db'])).not.toContain(':postgres@');
    const again = await main({ DATABASE_URL: url }, ['migrate']);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      applied: 0,
      total: line['total'],
    });
  });
});

describe('a server on PostgreSQL', { timeout: 180_000 }, () => {
  it('stores scores there, keeps them in the outbox while PostgreSQL is down (not ready, not crashed), and stores them once it is back', async () => {
    const { url } = await pgServer.createDatabase();
    const server = await spawnServer(
      {
        PORT: '0',
        DATABASE_URL: url,
        DB_FILE: join(dir, 'never.db'),
        OUTBOX_DIR: join(dir, 'outbox'),
        OUTBOX_RETRY_MAX_SECONDS: '1',
        DRAIN_SECONDS: '2',
        CLIENT_DIR: join(dir, 'no-client'),
      },
      [],
      60_000,
    );
    servers.push(server);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const first = await finishedSolo(server.url);
    expect(await submit(first.player, 'before')).toMatchObject({ type: 'submitted', rank: 1 });

    await pgServer.halt('immediate');
    const second = await finishedSolo(server.url);
    const kept = await submit(second.player, 'during');
    expect(kept).toMatchObject({ type: 'submitQueued', score: second.score });
    expect(await metric(server.metricsUrl, 'tengen_outbox_games')).toBe(1);
    // The pod stays in the load balancer (the database is every pod's): degraded, not unready.
    const degraded = await fetch(`${server.url}/readyz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({ degraded: ['database unavailable'] });
    expect(server.proc.exitCode).toBe(null);

    await pgServer.resume();
    const poll = { timeout: 30_000, interval: 200 };
    await expect.poll(() => metric(server.metricsUrl, 'tengen_outbox_games'), poll).toBe(0);
    await expect
      .poll(async () => (await (await fetch(`${server.url}/readyz`)).json()) as object, poll)
      .toEqual({ status: 'ready' });
    const board = (await (
      await fetch(`${server.url}/api/scores?mode=solo`)
    ).json()) as ScoresResponse;
    expect(board.scores.map((e) => e.name).sort()).toEqual(['before', 'during']);
    expect(board.scores.find((e) => e.name === 'during')?.replayId).toBe(
      kept.type === 'submitQueued' ? kept.replayId : '',
    );
    for (const p of [first, second]) await p.player.leave().catch(() => undefined);
    server.proc.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});
