// Taking a seat back after a reload, against the real server: the token, the race with the old
// socket, the refusal while the seat is connected, and the game continuing from the server's frame.
import { Game, withoutGenerator } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { memoryStore } from '@tengen/client/testing/memory-store.ts';
import { ColyseusNet } from '@tengen/client/net/net-client.ts';
import { OnlineSolo } from '@tengen/client/net/online-solo.ts';
import { resumeSeat } from '@tengen/client/net/resume.ts';
import { ResumeStore, trackResume } from '@tengen/client/net/resume-store.ts';
import { beginSolo, joinRoom, startServer, until, type Joined } from './testing/real-server.ts';

const server = useServer(() => startServer());

/** Closes the socket as an unloading page does: no consented leave, no SDK retry. */
function unload(j: Joined): void {
  j.room.reconnection.enabled = false;
  (j.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, 'page unloaded');
}

describe('resumeSeat', () => {
  it('is refused while the seat is connected, then takes it back as soon as the old socket closes', async () => {
    const joined = await joinRoom(server.url);
    const store = new ResumeStore(memoryStore());
    trackResume(store, 'solo', joined.link);
    const solo = new OnlineSolo(joined.link);
    const { paced: pilot } = await beginSolo(solo, 19);
    for (let i = 0; i < 40; i++) pilot.step(0);
    pilot.holdClock(true);
    solo.pause(true);
    const me = () => joined.room.state.players.get(joined.room.sessionId);
    await until('the server at frame 40', () => me()?.frame === 40);

    const net = new ColyseusNet(server.url);
    // Another tab (or anyone holding the token) while the owner is connected: refused, owner kept.
    const busy = await resumeSeat(net, store, joined.link.roomId, 500);
    expect(busy.kind).toBe('inUse');
    let ownerLeft = false;
    joined.link.on('leave', () => (ownerLeft = true));
    joined.link.send('pause', { paused: false });
    await until('the owner still acts', () => joined.room.state.paused === false);
    expect(ownerLeft).toBe(false);

    // The reload: the new page asks at once, before the server has necessarily seen the close.
    unload(joined);
    const out = await resumeSeat(net, store, joined.link.roomId);
    if (out.kind !== 'resumed') throw new Error(`not resumed: ${out.kind}`);
    expect(out.link.sessionId).toBe(joined.link.sessionId);
    const again = new OnlineSolo(out.link);
    const start = await again.resume(() => []);
    expect(start.restore?.nextFrame).toBe(40);
    // The snapshot has no generator state: the game draws from the dealt pieces.
    const restored = Game.restore(start.restore?.snapshot, start.pieces);
    expect(restored.frame).toBe(40);
    expect(restored.snapshot()).toEqual(withoutGenerator(pilot.game.snapshot()));

    // Leaving on purpose forgets the seat: a later load starts afresh.
    const stop = trackResume(store, 'solo', out.link);
    expect(store.get(out.link.roomId)?.token).toBe(out.link.reconnectionToken);
    again.dispose();
    await until('forgotten', () => store.get(out.link.roomId) === null);
    stop();
    expect((await resumeSeat(net, store, out.link.roomId)).kind).toBe('none');
  });

  it('a token the server no longer knows is forgotten', async () => {
    const joined = await joinRoom(server.url);
    const store = new ResumeStore(memoryStore());
    store.save('solo', {
      roomId: joined.link.roomId,
      reconnectionToken: `${joined.link.roomId}:stale`,
    });
    const out = await resumeSeat(new ColyseusNet(server.url), store, joined.link.roomId);
    expect(out.kind).toBe('none');
    expect(store.get(joined.link.roomId)).toBeNull();
    await joined.link.leave();
  });
});
