import { startCluster, TestPlayer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { getJson } from './testing/http.ts';

const cluster = useServer(() => startCluster({ servers: 2 }));
const players: TestPlayer[] = [];
afterAll(async () => {
  for (const p of players) await p.leave().catch(() => undefined);
});

async function until<T>(what: string, check: () => Promise<T | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => false as const);
    if (v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const readyz = (s: SpawnedServer) =>
  getJson<{ reasons?: string[]; degraded?: string[] }>(`${s.url}/readyz`);

/** The server (of the two) whose process hosts `roomId`, from its listing in Redis. */
const hostOf = async (roomId: string) => cluster.servers[await cluster.hostOf(roomId)]!;
const other = (s: SpawnedServer) => cluster.servers.find((x) => x !== s)!;

describe('Redis restarted empty (no persistence) under two server processes', () => {
  it('private codes resolve again and a waiting quick-match player is matched', async () => {
    const { servers } = cluster;
    const host = await TestPlayer.connect(servers[0]!.url, 'create', 'duo', { private: true });
    const waiter = await TestPlayer.connect(servers[1]!.url, 'joinOrCreate', 'duo');
    players.push(host, waiter);
    const code = await host.until('a room code', () => host.room.state.code || undefined);
    expect(code).toBe(host.room.roomId);
    const privateHost = await hostOf(code);
    const quickHost = await hostOf(waiter.room.roomId);
    await cluster.redis.cli('set', 'canary', 'before the restart');

    await cluster.redis.stop();
    // While Redis is down no process can matchmake: readiness reports it as a degradation but
    // stays 200 (the pods keep serving the site and running games); see redis-outage.e2e.spec.ts.
    for (const s of servers)
      await until('readyz degraded with Redis down', async () => {
        const r = await readyz(s);
        return r.status === 200 && (r.body.degraded ?? []).includes('redis unavailable');
      });

    const redis = await cluster.restartRedis();
    expect((await redis.cli('get', 'canary')).trim()).toBe(''); // it really came back empty
    for (const s of servers)
      await until('readyz without degradation with Redis back', async () => {
        const r = await readyz(s);
        return r.status === 200 && r.body.degraded === undefined;
      });
    await until(
      'the listings re-announced',
      async () =>
        (await redis.cli('hexists', 'roomcaches', code)).trim() === '1' &&
        (await redis.cli('hexists', 'roomcaches', waiter.room.roomId)).trim() === '1',
    );

    // The friend reaches the OTHER process; the code resolves and the seat is taken on the host's.
    const friend = await TestPlayer.connect(other(privateHost).url, 'joinById', code);
    players.push(friend);
    expect(friend.room.roomId).toBe(code);
    await host.until('the friend seated', () => host.opponent);

    // A second quick-match player, also through the process that does not host the waiting room.
    const second = await TestPlayer.connect(other(quickHost).url, 'joinOrCreate', 'duo');
    players.push(second);
    expect(second.room.roomId).toBe(waiter.room.roomId);
    const [a, b] = await Promise.all([waiter.startGame(5), second.startGame(5)]);
    expect(a.pieces).toEqual(b.pieces);
    expect(servers.flatMap((s) => s.logs.map((l) => l['msg']))).toContain(
      'rooms re-announced to redis',
    );
  });
});
