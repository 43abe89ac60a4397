import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEAT_IN_USE_MESSAGE } from '@tengen/protocol';
import { freePort } from '@tengen/test-kit';
import { getJson } from './testing/http.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';
import { spawnServer, type SpawnedServer } from '@tengen/test-kit';
import { TestPlayer } from '@tengen/test-kit';

const dir = mkdtempSync(join(tmpdir(), 'tengen-scale-'));
let redis: TestRedis;
const servers: SpawnedServer[] = [];
const ports: number[] = [];

/** Starts replica `i` (its own PORT and PUBLIC_ADDRESS, shared Redis and SQLite file). */
async function replica(i: number): Promise<SpawnedServer> {
  const port = ports[i]!;
  const s = await spawnServer({
    PORT: String(port),
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    REDIS_URL: redis.url,
    DB_FILE: join(dir, 'shared.sqlite'),
    CLIENT_DIR: dir,
    DRAIN_SECONDS: '1',
  });
  servers[i] = s;
  return s;
}

beforeAll(async () => {
  redis = await startRedis();
  ports.push(await freePort(), await freePort());
  await Promise.all([replica(0), replica(1)]);
});
afterAll(async () => {
  for (const s of servers)
    if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes sharing Redis', () => {
  let a: TestPlayer;
  let b: TestPlayer;

  it('match players who reached different processes into one duo room, where they play', async () => {
    for (const s of servers)
      expect(await getJson(`${s.url}/readyz`)).toMatchObject({ status: 200 });
    a = await TestPlayer.connect(servers[0]!.url, 'joinOrCreate', 'duo');
    b = await TestPlayer.connect(servers[1]!.url, 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    for (const p of [a, b]) {
      p.send('selectLevel', { level: 19 });
      p.send('ready');
    }
    const [sa, sb] = await Promise.all([a.message('start'), b.message('start')]);
    expect(sa.pieces).toEqual(sb.pieces);
    const game = await b.play({ botFrames: 60, leadFrames: 170 });
    await a.until(
      'opponent over',
      () => a.opponent?.phase === 'over' && a.opponent.score === game.score,
    );
    b.send('submit', { name: 'remote' });
    expect((await b.message('submitted')).score).toBe(game.score);
  });

  it('a live seat token presented through the other process is refused; after the drop it resumes there', async () => {
    const owner = await TestPlayer.connect(servers[0]!.url, 'create', 'solo');
    const hostPort = Number(
      new URL((owner.room.connection.transport as unknown as { ws: WebSocket }).ws.url).port,
    );
    // Ask through the process that does not host the room (the request crosses Redis).
    const other = servers[ports.indexOf(hostPort) === 0 ? 1 : 0]!;
    // The room's refusal, or Colyseus's relay of it from the other process (which names the call).
    const inUse = (err: unknown) =>
      String(err).includes(SEAT_IN_USE_MESSAGE) || String(err).includes('"checkReconnectionToken');
    let back: TestPlayer | undefined;
    try {
      owner.send('selectLevel', { level: 19 });
      owner.send('ready');
      await owner.message('start');
      await owner.play({ botFrames: 30, untilFrame: 30 });
      await owner.until('frame 30 on the server', () => owner.me?.frame === 30);
      const token = owner.room.reconnectionToken;
      const refusal = await TestPlayer.reconnect(other.url, token).then(
        () => 'accepted',
        (err: unknown) => err,
      );
      expect(inUse(refusal)).toBe(true);
      owner.send('pause', { paused: true });
      await owner.until('the owner still plays', () => owner.room.state.paused);
      expect(owner.closed).toBeUndefined();

      owner.room.reconnection.enabled = false;
      (owner.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, 'reload');
      const deadline = Date.now() + 5_000;
      while (!back) {
        back = await TestPlayer.reconnect(other.url, token).catch((err: unknown) => {
          // Refused only until the room's process has seen the old socket close.
          if (!inUse(err) || Date.now() > deadline) throw err;
          return new Promise<undefined>((r) => setTimeout(() => r(undefined), 100));
        });
      }
      expect(back.id).toBe(owner.id);
      expect((await back.message('resume')).nextFrame).toBe(30);
    } finally {
      await (back ?? owner).leave();
    }
  });

  it('a SIGKILLed process leaves no rooms listed once it restarts', async () => {
    const hostPort = Number(
      new URL((a.room.connection.transport as unknown as { ws: WebSocket }).ws.url).port,
    );
    const host = ports.indexOf(hostPort);
    expect(host).toBeGreaterThanOrEqual(0);
    const roomId = a.room.roomId;
    expect(await redis.cli('hexists', 'roomcaches', roomId)).toMatch(/1/);
    a.room.reconnection.enabled = false;
    b.room.reconnection.enabled = false;

    servers[host]!.proc.kill('SIGKILL');
    await servers[host]!.exited;
    await replica(host);
    expect(await redis.cli('hexists', 'roomcaches', roomId)).toMatch(/0/);
    expect((await redis.cli('hkeys', 'roomcaches')).trim()).toBe('');

    // Matchmaking works again across both processes.
    const c = await TestPlayer.connect(servers[0]!.url, 'joinOrCreate', 'duo');
    const d = await TestPlayer.connect(servers[1]!.url, 'joinOrCreate', 'duo');
    expect(d.room.roomId).toBe(c.room.roomId);
    await Promise.all([c.leave(), d.leave()]);
  });

  it('drains on SIGTERM and removes its keys', async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    const results = await Promise.all(servers.map((s) => s.exited));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect((await redis.cli('hkeys', 'roomcaches')).trim()).toBe('');
  });
});
