import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, pollUntil, spawnServer, TestPlayer, type SpawnedServer } from '@tengen/test-kit';
import { MATCHMAKE_REFUSAL } from '@tengen/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './testing/http.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';

// Readiness reflects the pod, not Redis: with Redis stopped the pod stays in the load balancer,
// serves the site and its running games, and refuses new matchmaking at once with a code the
// client explains; when Redis is back, matchmaking works again.
const dir = mkdtempSync(join(tmpdir(), 'tengen-redis-outage-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>tengen</title>');
let redis: TestRedis;
let server: SpawnedServer;
const players: TestPlayer[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const port = await freePort();
  server = await spawnServer(
    {
      PORT: String(port),
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      REDIS_URL: redis.url,
      DB_FILE: join(dir, 'scores.sqlite'),
      CLIENT_DIR: dir,
      DRAIN_SECONDS: '1',
    },
    [],
    60_000,
  );
});
afterAll(async () => {
  for (const p of players) await p.leave().catch(() => undefined);
  if (server?.proc.exitCode === null) server.proc.kill('SIGKILL');
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Readyz = { status: string; reasons?: string[]; degraded?: string[] };
const readyz = () => getJson<Readyz>(`${server.url}/readyz`);

async function startSolo(): Promise<TestPlayer> {
  const player = await TestPlayer.connect(server.url, 'create', 'solo');
  players.push(player);
  await player.until('choosing phase', () => player.me?.phase === 'choosing');
  await player.startGame(0);
  return player;
}

describe('a Redis outage under one server process', () => {
  it('keeps the pod ready, the site and a running game served, and refuses new games quickly', async () => {
    expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready' } });
    const player = await startSolo();
    // Level 0 falls slowly: 12 s of play spawn pieces all along without topping out.
    const playing = player.play({ untilFrame: 12 * 60, leadFrames: 30 });

    await redis.stop();
    const stoppedAt = player.messages.length;
    const statuses: number[] = [];
    const degraded = await pollUntil('readyz to report redis as degraded', async () => {
      const r = await readyz();
      statuses.push(r.status);
      return (r.body.degraded ?? []).includes('redis unavailable') && r;
    });
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('ready');
    expect(new Set(statuses)).toEqual(new Set([200]));

    // The site and the score board are served.
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>tengen</title>');
    expect((await fetch(`${server.url}/api/scores?mode=solo`)).status).toBe(200);

    // New matchmaking is refused at once, with the code the client puts in words.
    const asked = Date.now();
    const refusal = await TestPlayer.connect(server.url, 'create', 'solo').then(
      () => undefined,
      (err: unknown) => err as { code?: number },
    );
    const tookMs = Date.now() - asked;
    expect(refusal?.code).toBe(MATCHMAKE_REFUSAL.matchmakingUnavailable);
    expect(tookMs).toBeLessThan(3_000);

    // The running game went on: the server kept dealing pieces over its socket.
    const game = await playing;
    expect(player.closed).toBeUndefined();
    expect(game.frame).toBe(12 * 60);
    expect(player.messages.slice(stoppedAt).some((m) => m.type === 'pieces')).toBe(true);
    expect(player.messages.some((m) => m.type === 'error')).toBe(false);
    expect((await readyz()).status).toBe(200);

    // Redis back (empty): the degradation clears and a new game starts.
    redis = await startRedis(redis.port);
    await pollUntil('readyz without degradation', async () => {
      const r = await readyz();
      return r.status === 200 && r.body.degraded === undefined;
    });
    const next = await startSolo();
    expect(next.room.roomId).not.toBe(player.room.roomId);
  });
});
