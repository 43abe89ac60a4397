import { Client, type Room } from '@colyseus/sdk';
import { testClientOptions, TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

/** A quick-match seat reserved over HTTP and not used yet (a player still opening its socket). */
async function reserve(url: string): Promise<unknown> {
  const res = await fetch(`${url}/matchmake/joinOrCreate/duo`, {
    method: 'POST',
    headers: { ...testClientOptions().headers, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe('quick match when the other player leaves while a seat is reserved', () => {
  it('the player who arrives alone is offered to the next one at once', async () => {
    const a = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    // B's seat fills the room (it is locked: no third player is offered it)...
    const reservation = await reserve(server.url);
    // ...then A leaves before B's socket arrives.
    await a.leave();
    const b: Room = await new Client(server.url).consumeSeatReservation(reservation as never);
    expect(b.roomId).toBe(a.room.roomId);
    // B is alone in an open room: the next quick-match player meets B there, not in a new room
    // (before, the room stayed locked until B's reservation would have lapsed, about 16 s later).
    const c = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    expect(c.room.roomId).toBe(b.roomId);
    await c.leave();
    await b.leave();
  });
});
