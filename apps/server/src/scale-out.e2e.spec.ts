import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { SEAT_IN_USE_MESSAGE } from '@tengen/protocol';
import { startCluster, TestPlayer } from '@tengen/test-kit';
import { getJson } from './testing/http.ts';

const cluster = useServer(() => startCluster({ servers: 2 }));

describe('two server processes sharing Redis', () => {
  let a: TestPlayer;
  let b: TestPlayer;

  it('match players who reached different processes into one duo room, where they play', async () => {
    for (const s of cluster.servers)
      expect(await getJson(`${s.url}/readyz`)).toMatchObject({ status: 200 });
    a = await TestPlayer.connect(cluster.servers[0]!.url, 'joinOrCreate', 'duo');
    b = await TestPlayer.connect(cluster.servers[1]!.url, 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    const [sa, sb] = await Promise.all([a.startGame(19), b.startGame(19)]);
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
    const owner = await TestPlayer.connect(cluster.servers[0]!.url, 'create', 'solo');
    // Ask through the process that does not host the room (the request crosses Redis).
    const other = cluster.servers[1 - (await cluster.hostOf(owner.room.roomId))]!;
    // The room's refusal, or Colyseus's relay of it from the other process (which names the call).
    const inUse = (err: unknown) =>
      String(err).includes(SEAT_IN_USE_MESSAGE) || String(err).includes('"checkReconnectionToken');
    let back: TestPlayer | undefined;
    try {
      await owner.startGame(19);
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
    const roomId = a.room.roomId;
    const host = await cluster.hostOf(roomId);
    expect(await cluster.redis.cli('hexists', 'roomcaches', roomId)).toMatch(/1/);
    a.room.reconnection.enabled = false;
    b.room.reconnection.enabled = false;

    cluster.servers[host]!.proc.kill('SIGKILL');
    await cluster.servers[host]!.exited;
    await cluster.startReplica(host);
    expect(await cluster.redis.cli('hexists', 'roomcaches', roomId)).toMatch(/0/);
    expect((await cluster.redis.cli('hkeys', 'roomcaches')).trim()).toBe('');

    // Matchmaking works again across both processes.
    const c = await TestPlayer.connect(cluster.servers[0]!.url, 'joinOrCreate', 'duo');
    const d = await TestPlayer.connect(cluster.servers[1]!.url, 'joinOrCreate', 'duo');
    expect(d.room.roomId).toBe(c.room.roomId);
    await Promise.all([c.leave(), d.leave()]);
  });

  it('drains on SIGTERM and removes its keys', async () => {
    for (const s of cluster.servers) s.proc.kill('SIGTERM');
    const results = await Promise.all(cluster.servers.map((s) => s.exited));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect((await cluster.redis.cli('hkeys', 'roomcaches')).trim()).toBe('');
  });
});
