import { afterAll, describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startCluster, TestPlayer } from '@tengen/test-kit';
import { getJson } from './testing/http.ts';

const cluster = useServer(() => startCluster({ servers: 2 }));
const players: TestPlayer[] = [];
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
});

/** Creates `n` solo rooms through replica `via` and says which replica hosts each. */
async function hostsOfNewRooms(via: number, n: number): Promise<number[]> {
  const hosts: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = await TestPlayer.connect(cluster.servers[via]!.url, 'create', 'solo');
    players.push(p);
    hosts.push(await cluster.hostOf(p.room.roomId));
  }
  return hosts;
}

describe('a process leaving (the preStop hook: GET /leave on the metrics port)', () => {
  it('gets no new rooms from any process, turns unready, and keeps its running games', async () => {
    // Before: the least-loaded process creates (rooms land on both as they balance).
    await hostsOfNewRooms(0, 4);
    const running = [...players];

    const leaving = cluster.servers[1]!;
    const left = await fetch(leaving.metricsUrl.replace(/\/metrics$/, '/leave'));
    expect(left.status).toBe(202);
    expect(await getJson(`${leaving.url}/readyz`)).toMatchObject({ status: 503 });

    // After: every new room is created on replica 0, even when asked through the leaving one.
    expect(await hostsOfNewRooms(0, 4)).toEqual([0, 0, 0, 0]);
    expect(await hostsOfNewRooms(1, 2)).toEqual([0, 0]);
    // Its rooms are still there and their players still connected.
    for (const p of running) expect(p.closed).toBeUndefined();
  });

  it('answers 404 on the metrics port for anything but /metrics and /leave', async () => {
    const base = cluster.servers[0]!.metricsUrl.replace(/\/metrics$/, '');
    expect((await fetch(`${base}/leavez`)).status).toBe(404);
    expect((await fetch(`${base}/leave`, { method: 'DELETE' })).status).toBe(404);
  });
});
