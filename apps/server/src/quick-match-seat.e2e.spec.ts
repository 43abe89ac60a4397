import { testClientOptions, TestPlayer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_MATCH_SEAT_SECONDS } from './quick-match.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
const players: TestPlayer[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
  await server?.stop();
});

describe('a quick-match seat whose player never connects', () => {
  it('lapses within seconds, and the waiting player meets the next one', async () => {
    const a = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    players.push(a);
    // B is given A's free seat and never opens its socket (its connection failed on the way).
    const res = await fetch(`${server.url}/matchmake/joinOrCreate/duo`, {
      method: 'POST',
      headers: { ...testClientOptions().headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    // Colyseus holds a seat 15 s by default: A waited alone that long (16-20 s in the cluster
    // test). A quick-match seat is held QUICK_MATCH_SEAT_SECONDS.
    await new Promise((r) => setTimeout(r, (QUICK_MATCH_SEAT_SECONDS + 2) * 1000));
    const c = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    players.push(c);
    expect(c.room.roomId).toBe(a.room.roomId);
  });
});
