// What OnlineSession tells the screen, each produced for real: a game run ahead of the clock, a
// kicked connection, a server restart (its own server process), opponents coming and going.
import { TestPlayer } from '@tengen/test-kit';
import type { ServerMessage } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import type { SessionNotice } from '@tengen/client/game/backend.ts';
import type { LeaveReason } from '@tengen/client/net/room-link.ts';
import { OnlineSession } from '@tengen/client/net/online-session.ts';
import { OnlineSolo } from '@tengen/client/net/online-solo.ts';
import { beginSolo, joinRoom, startServer, until } from './testing/real-server.ts';

const server = useServer(() => startServer());

/** Notices a session reports, and what its link heard. */
function watch(s: OnlineSession) {
  const notices: SessionNotice[] = [];
  const messages: ServerMessage[] = [];
  const leaves: LeaveReason[] = [];
  s.onNotice((n) => notices.push(n));
  s.link.on('message', (m) => messages.push(m));
  s.link.on('leave', (reason) => leaves.push(reason));
  return { notices, messages, leaves };
}

/** This client's session in a duo room, and a test player seated there as its opponent. */
async function duoWithOpponent() {
  const { link } = await joinRoom(server.url, 'duo');
  const s = new OnlineSession(link);
  const seen = watch(s);
  const bot = await TestPlayer.connect(server.url, 'joinById', link.roomId);
  await bot.until('both seated', () => bot.room.state.phase === 'choosing');
  return { link, s, seen, bot };
}

describe('OnlineSession notices from the real server', () => {
  it('reports an unranked game: submit is blocked, and the server refuses it too', async () => {
    const { room, link } = await joinRoom(server.url);
    const solo = new OnlineSolo(link);
    const seen = watch(solo.session);
    const { paced: pilot } = await beginSolo(solo, 19);
    // Idle frames as fast as they can be stepped (and the pieces dealt): far ahead of the wall
    // clock, on to the top-out.
    await pilot.play({ leadFrames: 1_000_000, botFrames: 0 });
    await until('the unranked notice', () => seen.notices.length > 0);
    expect(seen.notices).toEqual([
      { kind: 'unranked', message: expect.stringContaining('faster than real time') },
    ]);
    expect(solo.submitBlocked()).toBe(
      seen.notices[0]?.kind === 'unranked' ? seen.notices[0].message : '',
    );
    expect(solo.submitBlocked()).toMatch(/^Unranked: this game ran faster than real time\. /);
    await until(
      'the game over on the server',
      () => room.state.players.get(room.sessionId)?.phase === 'over',
    );
    expect(room.state.players.get(room.sessionId)).toMatchObject({
      ranked: false,
      frame: pilot.game.frame,
    });
    await expect(solo.submit('speedy')).rejects.toThrow(/unranked/);
    solo.dispose();
  });

  it('reports a lost room when the server closes the connection', async () => {
    const { room, link } = await joinRoom(server.url);
    const s = new OnlineSession(link);
    const seen = watch(s);
    // Refused messages beyond the burst (40, then 20 a second): the server disconnects the client (4400).
    for (let i = 0; i < 60; i++) room.send('teleport', { x: i });
    await until('the lost notice', () => seen.notices.length > 0);
    expect(seen.leaves).toEqual(['kicked']);
    expect(seen.notices).toEqual([
      {
        kind: 'lost',
        message: 'The connection to the server was lost (too many invalid messages).',
      },
    ]);
    s.dispose();
  });

  it('an opponent leaving is for the duo screen, not a notice; a leave on purpose is not news', async () => {
    const { link, s, seen, bot } = await duoWithOpponent();
    await bot.leave();
    await until('opponentLeft', () => seen.messages.some((m) => m.type === 'opponentLeft'));
    await link.leave();
    expect(seen.leaves).toEqual(['consented']);
    expect(seen.notices).toEqual([]);
    s.dispose();
  });

  it('dispose leaves the room: the opponent is told', async () => {
    const { s, seen, bot } = await duoWithOpponent();
    s.dispose();
    await bot.message('opponentLeft');
    await until('left', () => seen.leaves.length > 0);
    expect(seen.leaves).toEqual(['consented']);
    expect(seen.notices).toEqual([]);
    await bot.leave();
  });
});

describe('a server restart (its own server process, SIGTERM)', () => {
  it('reports serverRestarting, then the room lost to the restart', async () => {
    const own = await startServer({ DRAIN_SECONDS: '1' });
    try {
      const { link } = await joinRoom(own.url);
      const solo = new OnlineSolo(link);
      const seen = watch(solo.session);
      await beginSolo(solo, 0);
      own.terminate();
      await until('the room closed', () => seen.notices.length > 1);
      expect(seen.notices).toEqual([
        { kind: 'serverRestarting', seconds: 1 },
        { kind: 'lost', message: 'The server restarted. Your game ended; start a new one.' },
      ]);
      expect(solo.session.draining).toBe(true);
      expect(seen.leaves).toEqual(['serverShutdown']);
      expect((await own.exited).code).toBe(0);
      solo.dispose();
    } finally {
      await own.stop();
    }
  });
});
