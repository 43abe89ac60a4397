import { startCluster, TestPlayer } from '@tengen/test-kit';
import { useServer } from '@tengen/test-kit/vitest';
import { afterAll, describe, expect, it } from 'vitest';

const cluster = useServer(() => startCluster({ servers: 2 }));
const players: TestPlayer[] = [];
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
});

/** Players who press "quick match" together (as a draining process's players come back). */
const CROWD = 32;

describe('quick match when many players look at once', () => {
  it('pairs them all: nobody is left alone in a room of their own', async () => {
    const took: number[] = [];
    const joined = await Promise.all(
      Array.from({ length: CROWD }, async (_x, i) => {
        const t0 = performance.now();
        const p = await TestPlayer.connect(cluster.servers[i % 2]!.url, 'joinOrCreate', 'duo');
        took.push(performance.now() - t0);
        players.push(p);
        return p;
      }),
    );
    // Two to a room. Before, Colyseus's joinOrCreate left about half of 32 players alone, each in
    // a room of its own (its creation lock waits 0.5-1.1 s, then every waiter creates), and the
    // others waited a random 0-0.4·2^n s after each lost seat.
    const rooms = new Map<string, number>();
    for (const p of joined) rooms.set(p.room.roomId, (rooms.get(p.room.roomId) ?? 0) + 1);
    expect([...rooms.values()].sort()).toEqual(Array(CROWD / 2).fill(2));
    console.log(
      JSON.stringify({ quickMatchCrowd: CROWD, slowestCallMs: Math.round(Math.max(...took)) }),
    );
  });
});
