import { startCluster, TestPlayer, type Cluster } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Short here; the default (20 s) covers the chart's ALB health checks. */
const WARMUP_SECONDS = 4;

let cluster: Cluster;
const players: TestPlayer[] = [];

beforeAll(async () => {
  cluster = await startCluster({
    servers: 2,
    env: { ROOM_WARMUP_SECONDS: String(WARMUP_SECONDS) },
  });
});
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
  await cluster?.stop();
});

/** Creates `n` solo rooms through replica 0 and says which replica hosts each. */
async function hostsOfNewRooms(n: number): Promise<number[]> {
  const hosts: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = await TestPlayer.connect(cluster.servers[0]!.url, 'create', 'solo');
    players.push(p);
    hosts.push(await cluster.hostOf(p.room.roomId));
  }
  return hosts;
}

describe('a process that just started (a new pod the load balancer does not route yet)', () => {
  it('gets no new rooms until its warm-up ends, then its share', async () => {
    // Past both replicas' warm-up: rooms balance over the two.
    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000 + 500));
    expect(new Set(await hostsOfNewRooms(4))).toEqual(new Set([0, 1]));

    // Replica 1 is replaced: the new process has no rooms, which would make it every room's choice.
    const old = cluster.servers[1]!;
    old.proc.kill('SIGTERM');
    await old.exited;
    await cluster.startReplica(1);
    const startedAt = Date.now();
    const during = await hostsOfNewRooms(4);
    // Only what was created within the warm-up counts (a loaded machine may be slow to create).
    if (Date.now() - startedAt < WARMUP_SECONDS * 1000) expect(during).toEqual([0, 0, 0, 0]);
    else expect(during[0]).toBe(0);

    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000 + 500));
    expect(await hostsOfNewRooms(2)).toEqual([1, 1]);
  });
});
