import { pollUntil, startCluster, TestPlayer } from '@tengen/test-kit';
import { useServer } from '@tengen/test-kit/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { openRoomsKey, RELIST_MS } from './quick-match-index.ts';

const cluster = useServer(() => startCluster({ servers: 2 }));
const players: TestPlayer[] = [];
afterEach(async () => {
  await Promise.allSettled(players.splice(0).map((p) => p.leave()));
});

const KEY = openRoomsKey('duo');
/** The ids in the shared set of rooms waiting for a quick-match player. */
const listed = async () =>
  (await cluster.redis.cli('smembers', KEY)).split('\n').filter((id) => id.trim() !== '');
const connect = async (...args: Parameters<typeof TestPlayer.connect>) => {
  const p = await TestPlayer.connect(...args);
  players.push(p);
  return p;
};
const url = (i: number) => cluster.servers[i]!.url;

describe('the set of rooms waiting for a quick-match player (two processes, one Redis)', () => {
  it('holds a waiting room until a player from the other process takes its seat; never a private or solo room', async () => {
    const host = await connect(url(0), 'create', 'duo', { private: true });
    await connect(url(1), 'create', 'solo');
    const a = await connect(url(0), 'joinOrCreate', 'duo');
    await pollUntil('listed', async () => (await listed()).length > 0);
    expect(await listed()).toEqual([a.room.roomId]);

    const b = await connect(url(1), 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    await pollUntil('the full room off the set', async () => (await listed()).length === 0);
    expect(await listed()).not.toContain(host.room.roomId);
  });

  it('lists the room again when its second player leaves before the game starts', async () => {
    const a = await connect(url(0), 'joinOrCreate', 'duo');
    const b = await connect(url(1), 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    await pollUntil('full', async () => (await listed()).length === 0);
    await b.leave();
    await pollUntil('listed again', async () => (await listed()).includes(a.room.roomId));
    const c = await connect(url(1), 'joinOrCreate', 'duo');
    expect(c.room.roomId).toBe(a.room.roomId);
  });

  it('drops an id whose room is gone at the next look, and the player still gets a room', async () => {
    await cluster.redis.cli('sadd', KEY, 'GoneRoom1');
    const a = await connect(url(0), 'joinOrCreate', 'duo');
    expect(a.room.roomId).not.toBe('GoneRoom1');
    await pollUntil('listed', async () => (await listed()).includes(a.room.roomId));
    expect(await listed()).toEqual([a.room.roomId]);
  });

  it('a waiting room whose listing Redis lost lists itself again, and the next player meets it', async () => {
    const a = await connect(url(0), 'joinOrCreate', 'duo');
    await cluster.redis.cli('del', KEY);
    expect(await listed()).toEqual([]);
    await pollUntil(
      'listed again',
      async () => (await listed()).includes(a.room.roomId),
      RELIST_MS * 3,
    );
    const b = await connect(url(1), 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
  });

  it('the player who waited longest is matched first', async () => {
    // Two rooms waiting at once: possible when two players' looks crossed (each created a room).
    const first = await connect(url(0), 'joinOrCreate', 'duo');
    const second = await connect(url(1), 'create', 'duo');
    expect(second.room.roomId).not.toBe(first.room.roomId);
    await pollUntil('both listed', async () => (await listed()).length === 2);
    const next = await connect(url(1), 'joinOrCreate', 'duo');
    expect(next.room.roomId).toBe(first.room.roomId);
  });
});
