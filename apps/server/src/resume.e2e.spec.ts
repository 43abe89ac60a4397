import { SEAT_IN_USE_MESSAGE } from '@tengen/protocol';
import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

/** Closes the player's socket the way a reloaded or closed tab does (no consented leave, no SDK retry). */
function dropLikeAReload(p: TestPlayer): void {
  p.room.reconnection.enabled = false;
  (p.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, 'page unloaded');
}

/** `client.reconnect(token)` retried while the seat is still in use (the server has not seen the drop yet). */
async function reconnect(token: string): Promise<TestPlayer> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return await TestPlayer.reconnect(server.url, token);
    } catch (err) {
      if (!String(err).includes(SEAT_IN_USE_MESSAGE) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A host and a guest in a fresh private duo room, both playing at level 19. */
async function duoPlaying(): Promise<[TestPlayer, TestPlayer]> {
  const a = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
  const code = await a.until('a code', () => a.room.state.code);
  const b = await TestPlayer.connect(server.url, 'joinById', code);
  await a.until('choosing', () => a.room.state.phase === 'choosing');
  // Level 19: an idle game tops out in seconds.
  await Promise.all([a, b].map((p) => p.startGame(19)));
  return [a, b];
}

describe('resume after a reload, with the reconnection token', () => {
  it('a dropped player reconnects from a new client and gets the game at the server frame', async () => {
    const [a, b] = await duoPlaying();
    await b.play({ botFrames: 150, untilFrame: 150 });
    await a.until('B at frame 150 on the server', () => a.opponent?.frame === 150);
    const token = b.room.reconnectionToken;
    const seenA = a.messages.length;
    dropLikeAReload(b);
    await a.message('opponentDropped', seenA);
    const b2 = await reconnect(token);
    expect(b2.id).toBe(b.id);
    const resume = await b2.message('resume');
    expect(resume.nextFrame).toBe(150);
    expect(b2.game?.frame).toBe(150);
    await a.message('opponentReconnected', seenA);
    expect(a.opponent?.connected).toBe(true);
    // The game goes on from there: the server accepts frame 150 next and the opponent sees the end.
    const game = await b2.play({ botFrames: 0 });
    await a.until(
      'B over after resuming',
      () => a.opponent?.phase === 'over' && a.opponent.frame === game.frame,
    );
    // The spent token does not open the seat again.
    await expect(TestPlayer.reconnect(server.url, token)).rejects.toThrow();
    expect(b2.closed).toBeUndefined();
    await Promise.all([a.leave(), b2.leave()]);
  });

  it('a token used while its owner is connected is refused and the owner keeps playing', async () => {
    const [a, b] = await duoPlaying();
    await b.play({ botFrames: 60, untilFrame: 60 });
    const seenA = a.messages.length;
    await expect(TestPlayer.reconnect(server.url, b.room.reconnectionToken)).rejects.toThrow(
      SEAT_IN_USE_MESSAGE,
    );
    // The owner was not disconnected: no drop reported, and its inputs still count.
    await b.play({ botFrames: 120, untilFrame: 120 });
    await a.until('B at frame 120', () => a.opponent?.frame === 120);
    expect(b.closed).toBeUndefined();
    expect(a.messages.slice(seenA).map((m) => m.type)).not.toContain('opponentDropped');
    expect(a.opponent?.connected).toBe(true);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('a solo game resumes after a reload at the server frame', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    await p.startGame(19);
    await p.play({ botFrames: 90, untilFrame: 90 });
    await p.until('frame 90 on the server', () => p.me?.frame === 90);
    const token = p.room.reconnectionToken;
    dropLikeAReload(p);
    const p2 = await reconnect(token);
    expect((await p2.message('resume')).nextFrame).toBe(90);
    const game = await p2.play({ botFrames: 0 });
    await p2.until('over', () => p2.me?.phase === 'over' && p2.me.frame === game.frame);
    await p2.leave();
  });
});

describe('private rooms belong to their host', () => {
  it('a guest leaving before the start frees the seat; the host keeps waiting with the same code', async () => {
    const host = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
    const code = await host.until('a code', () => host.room.state.code);
    expect(host.room.state.host).toBe(host.id);
    const guest = await TestPlayer.connect(server.url, 'joinById', code);
    await host.until('choosing', () => host.room.state.phase === 'choosing');
    host.send('ready');
    const seen = host.messages.length;
    await guest.leave();
    await host.message('opponentLeft', seen);
    await host.until('waiting again', () => host.room.state.phase === 'waiting');
    expect(host.closed).toBeUndefined();
    // The host reloads while waiting: same seat, still the host.
    const token = host.room.reconnectionToken;
    dropLikeAReload(host);
    const host2 = await reconnect(token);
    expect(host2.id).toBe(host.id);
    await host2.until('the state', () => host2.room.state.host === host.id);
    const next = await TestPlayer.connect(server.url, 'joinById', code);
    expect(next.room.roomId).toBe(code);
    await host2.until('choosing again', () => host2.room.state.phase === 'choosing');
    next.send('ready');
    await Promise.all([host2.message('start'), next.message('start')]);
    await Promise.all([host2.leave(), next.leave()]);
  });

  it('only the host closes the room: the guest is told and disconnected, the code is gone', async () => {
    const host = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
    const code = await host.until('a code', () => host.room.state.code);
    const guest = await TestPlayer.connect(server.url, 'joinById', code);
    await guest.until('choosing', () => guest.room.state.phase === 'choosing');
    guest.send('closeRoom');
    expect((await guest.message('error')).code).toBe('notHost');
    expect(host.closed).toBeUndefined();
    host.send('closeRoom');
    const closed = await guest.message('roomClosed');
    expect(closed.reason).toBe('hostClosed');
    await guest.until('disconnected', () => guest.closed);
    await host.until('disconnected', () => host.closed);
    expect(guest.closed?.code).toBe(4000);
    await expect(TestPlayer.connect(server.url, 'joinById', code)).rejects.toThrow(/not found/);
  });

  it('the host leaving for good before the start closes the room', async () => {
    const host = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
    const code = await host.until('a code', () => host.room.state.code);
    const guest = await TestPlayer.connect(server.url, 'joinById', code);
    await guest.until('choosing', () => guest.room.state.phase === 'choosing');
    await host.leave();
    expect((await guest.message('roomClosed')).reason).toBe('hostLeft');
    await guest.until('disconnected', () => guest.closed);
    await expect(TestPlayer.connect(server.url, 'joinById', code)).rejects.toThrow(/not found/);
  });

  it('closing is refused in public rooms and while a game runs', async () => {
    const [host, guest] = await duoPlaying();
    host.send('closeRoom');
    expect((await host.message('error')).code).toBe('wrongPhase');
    expect(guest.closed).toBeUndefined();
    const pub = await TestPlayer.connect(server.url, 'create', 'duo');
    expect(pub.room.state.host ?? '').toBe('');
    pub.send('closeRoom');
    expect((await pub.message('error')).code).toBe('notHost');
    expect(pub.closed).toBeUndefined();
    await Promise.all([host.leave(), guest.leave(), pub.leave()]);
  });
});
