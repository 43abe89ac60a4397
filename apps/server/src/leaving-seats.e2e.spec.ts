import { CLOSE_CODE } from '@tengen/protocol';
import { startCluster, TestPlayer } from '@tengen/test-kit';
import { useServer } from '@tengen/test-kit/vitest';
import { afterAll, describe, expect, it } from 'vitest';

const cluster = useServer(() => startCluster({ servers: 2 }));
const players: TestPlayer[] = [];
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
});

async function quickMatch(via: number) {
  const p = await TestPlayer.connect(cluster.servers[via]!.url, 'joinOrCreate', 'duo');
  players.push(p);
  return p;
}

/** The `/leave` the chart's preStop hook calls on replica i's metrics port. */
async function leave(i: number): Promise<void> {
  const res = await fetch(cluster.servers[i]!.metricsUrl.replace(/\/metrics$/, '/leave'));
  expect(res.status).toBe(202);
}

describe('a leaving process offers no seat (the preStop pause of a rolling update)', () => {
  it('sends a player waiting there for a partner on at once, and matches the next player elsewhere', async () => {
    // A waits for a partner in a quick-match room (its running games go on: leaving.e2e).
    const a = await quickMatch(0);
    a.send('selectLevel', { level: 5 });
    a.send('ready');
    const host = await cluster.hostOf(a.room.roomId);
    const other = 1 - host;
    const leftAt = Date.now();
    await leave(host);
    // No partner can ever reach A there: A is told and let go now, not at SIGTERM.
    await a.until('closed', () => a.closed, 5_000);
    expect(Date.now() - leftAt).toBeLessThan(3_000);
    expect(a.closed?.code).toBe(CLOSE_CODE.serverShutdown);
    expect(a.messages.some((m) => m.type === 'serverRestarting')).toBe(true);

    // The next quick-match players, even asked through the leaving process, meet on the other.
    const c = await quickMatch(host);
    const d = await quickMatch(other);
    expect(await cluster.hostOf(c.room.roomId)).toBe(other);
    expect(d.room.roomId).toBe(c.room.roomId);
  });
});
