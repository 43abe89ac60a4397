import { isDeepStrictEqual } from 'node:util';
import {
  CLOSE_CODE,
  CLIENT_MESSAGE_TYPES,
  CODE_JOIN_BURST,
  MAX_SPECTATORS,
  type LiveResponse,
} from '@tengen/protocol';
import { TestPlayer, testAddress } from '@tengen/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { getJson } from './testing/http.ts';
import { liveGameOf } from './testing/live-game.ts';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());
const open: TestPlayer[] = [];
afterAll(async () => {
  await Promise.allSettled(open.map((p) => p.leave()));
});

const connect = async (...args: Parameters<typeof TestPlayer.connect>) => {
  const p = await TestPlayer.connect(...args);
  open.push(p);
  return p;
};
const watch = async (roomId: string) => {
  const w = await TestPlayer.watch(server.url, roomId);
  open.push(w);
  return w;
};
const watchStatus = async (roomId: string, address = testAddress()) => {
  const res = await fetch(`${server.url}/api/watch/${encodeURIComponent(roomId)}`, {
    method: 'POST',
    headers: { 'x-forwarded-for': address },
  });
  return { status: res.status, body: (await res.json()) as { error?: string } };
};
const live = async (query = '') => getJson<LiveResponse>(`${server.url}/api/live${query}`);

/** Two players in one duo room (public quick match, or private by code), both started. */
async function startedDuo(
  level = 19,
  opts: { private?: boolean } = {},
): Promise<[TestPlayer, TestPlayer]> {
  const a = opts.private
    ? await connect(server.url, 'create', 'duo', { private: true })
    : await connect(server.url, 'joinOrCreate', 'duo');
  const b = opts.private
    ? await connect(server.url, 'joinById', a.room.roomId)
    : await connect(server.url, 'joinOrCreate', 'duo');
  expect(b.room.roomId).toBe(a.room.roomId);
  await Promise.all([a, b].map((p) => p.startGame(level)));
  return [a, b];
}

describe('spectators', () => {
  it('a spectator joining mid-game sees both boards at once; players see the count', async () => {
    const [a, b] = await startedDuo(9);
    await Promise.all([
      a.play({ botFrames: 400, untilFrame: 400 }),
      b.play({ botFrames: 250, untilFrame: 250 }),
    ]);
    await a.until('own projection at 400', () => a.me?.frame === 400);
    await b.until('own projection at 250', () => b.me?.frame === 250);
    expect(a.me?.board).not.toBe(b.me?.board);

    const w = await watch(a.room.roomId);
    // The first state the spectator receives already holds both games as the server has them.
    await w.until('both boards', () => w.room.state.players?.get(b.id)?.frame === 250, 3_000);
    for (const p of [a, b]) {
      const seen = w.room.state.players.get(p.id);
      expect(seen).toMatchObject({
        frame: p.me?.frame,
        board: p.me?.board,
        score: p.game?.score,
        lines: p.game?.lines,
        level: p.game?.level,
        phase: 'playing',
      });
    }
    expect(w.room.state.players.get(w.id)).toBeUndefined();
    await a.until('1 watching', () => a.room.state.spectators === 1);
    await b.until('1 watching', () => b.room.state.spectators === 1);

    // Play goes on: the spectator follows it.
    b.send('inputs', { from: 250, runs: [[30, 0]] });
    await w.until('b moves on', () => w.room.state.players.get(b.id)?.frame === 280);

    await w.leave();
    await a.until('nobody watching', () => a.room.state.spectators === 0);
    await Promise.all([a.leave(), b.leave()]);
  }, 30_000);

  it('a spectator cannot play: every game message is refused, counts as refused, pauses nothing', async () => {
    const [a, b] = await startedDuo();
    const w = await watch(a.room.roomId);
    const tries: [string, object][] = [
      ['inputs', { from: 0, runs: [[10, 0]] }],
      ['ready', {}],
      ['pause', { paused: true }],
      ['submit', { name: 'sneaky' }],
      ['selectLevel', { level: 3 }],
      ['restart', {}],
      ['rematch', {}],
      ['closeRoom', {}],
      ['noSuchMessage', {}],
    ];
    expect(tries.map(([t]) => t)).toEqual(expect.arrayContaining([...CLIENT_MESSAGE_TYPES]));
    for (const [type, payload] of tries) {
      const seen = w.messages.length;
      w.room.send(type, payload);
      expect(await w.message('error', seen)).toMatchObject({ code: 'spectating' });
    }
    expect(a.room.state.paused).toBe(false);
    expect(w.room.state.paused).toBe(false);
    expect(w.room.state.players.size).toBe(2);
    expect(a.opponent?.frame).toBe(0);

    // Refusals count toward the bad-message limit: a spectator hammering gets disconnected.
    for (let i = 0; i < 60; i++) w.send('pause', { paused: true });
    await w.until('closed', () => w.closed);
    expect(w.closed?.code).toBe(CLOSE_CODE.tooManyErrors);
    await a.until('nobody watching', () => a.room.state.spectators === 0);
    expect(a.room.state.paused).toBe(false);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('spectators take no seat: a quick-match room with 5 of them still takes its second player', async () => {
    const a = await connect(server.url, 'joinOrCreate', 'duo');
    await a.until('waiting', () => a.room.state.phase === 'waiting');
    const watchers = await Promise.all(Array.from({ length: 5 }, () => watch(a.room.roomId)));
    await a.until('5 watching', () => a.room.state.spectators === 5);
    expect(a.room.state.players.size).toBe(1);

    const b = await connect(server.url, 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    await a.until('choosing', () => a.room.state.phase === 'choosing');
    // The room is full for players now, and still open to spectators.
    const c = await connect(server.url, 'joinOrCreate', 'duo');
    expect(c.room.roomId).not.toBe(a.room.roomId);
    const sixth = await watch(a.room.roomId);
    await a.until('6 watching', () => a.room.state.spectators === 6);
    expect(a.room.state.players.size).toBe(2);
    await watchers[0]!.until('sees both players', () => watchers[0]!.room.state.players.size === 2);

    // Every player leaving ends the show for the spectators.
    await Promise.all([a.leave(), b.leave(), c.leave()]);
    await sixth.until('closed', () => sixth.closed);
    expect(sixth.closed?.code).toBe(CLOSE_CODE.gameEnded);
    for (const w of watchers) await w.until('closed', () => w.closed);
    // No reconnection window is kept for them: the room is gone.
    expect((await watchStatus(a.room.roomId)).status).toBe(404);
  });

  it('players quick-matching all at once pair up two by two, seats counted at reservation', async () => {
    const host = await connect(server.url, 'joinOrCreate', 'duo');
    await watch(host.room.roomId);
    const rush = await Promise.all(
      Array.from({ length: 5 }, () => connect(server.url, 'joinOrCreate', 'duo')),
    );
    const byRoom = new Map<string, number>();
    for (const p of [host, ...rush])
      byRoom.set(p.room.roomId, (byRoom.get(p.room.roomId) ?? 0) + 1);
    expect([...byRoom.values()].sort()).toEqual([2, 2, 2]);
    await host.until('1 watching, 2 players', () => host.room.state.players.size === 2);
    expect(host.room.state.spectators).toBe(1);
    await Promise.all([host, ...rush].map((p) => p.leave()));
  });

  it('a room cannot be created to spectate, and a missing room is reported as gone', async () => {
    await expect(
      TestPlayer.connect(server.url, 'create', 'solo', { spectate: true }),
    ).rejects.toThrow(/no game to watch/);
    expect(await watchStatus('nOSuchRoom')).toEqual({
      status: 404,
      body: { error: 'This game is not running any more (or the link is wrong).' },
    });
    expect((await watchStatus('../../etc')).status).toBe(404);
    expect((await watchStatus('x'.repeat(40))).status).toBe(404);
  });

  it('watching spends join-by-code attempts: one network cannot walk the private codes through it', async () => {
    const address = testAddress();
    const answers: number[] = [];
    for (let i = 0; i < CODE_JOIN_BURST + 2; i++)
      answers.push((await watchStatus(`GUESS${i}XXXXX`.slice(0, 10), address)).status);
    expect(answers.slice(0, CODE_JOIN_BURST).every((s) => s === 404)).toBe(true);
    expect(await watchStatus('GUESSAGAIN', address)).toEqual({
      status: 429,
      body: { error: 'too many room codes tried from your network, wait a minute' },
    });
    // Another network is not held back.
    expect((await watchStatus('GUESSAGAIN')).status).toBe(404);
  });

  it(`admits at most ${MAX_SPECTATORS} spectators and refuses the next one clearly`, async () => {
    const p = await connect(server.url, 'create', 'solo');
    const watchers: TestPlayer[] = [];
    for (let i = 0; i < MAX_SPECTATORS; i += 25)
      watchers.push(...(await Promise.all(Array.from({ length: 25 }, () => watch(p.room.roomId)))));
    await p.until('all watching', () => p.room.state.spectators === MAX_SPECTATORS);
    expect(await watchStatus(p.room.roomId)).toEqual({
      status: 409,
      body: { error: 'This game has as many spectators as it can take.' },
    });
    // One leaves: there is room for one more again.
    await watchers.pop()!.leave();
    await p.until('one fewer', () => p.room.state.spectators === MAX_SPECTATORS - 1);
    watchers.push(await watch(p.room.roomId));
    await p.until('full again', () => p.room.state.spectators === MAX_SPECTATORS);
    // The player still plays.
    p.send('ready');
    await p.message('start');
    await Promise.all(watchers.map((w) => w.leave()));
    await p.leave();
  }, 60_000);

  it('a private room is watched only with its code, even when full and locked', async () => {
    const [host, guest] = await startedDuo(19, { private: true });
    const code = host.room.roomId;
    await expect(TestPlayer.connect(server.url, 'joinById', code)).rejects.toThrow(/locked/);
    const w = await watch(code);
    await w.until('both players', () => w.room.state.players?.size === 2);
    await host.until('1 watching', () => host.room.state.spectators === 1);
    // Nowhere listed, so the code is the only way in.
    host.send('inputs', { from: 0, runs: [[90, 0]] });
    await new Promise((r) => setTimeout(r, 1_500));
    const { body } = await live();
    expect(body.games.map((g) => g.roomId)).not.toContain(code);
    await Promise.all([w.leave(), host.leave(), guest.leave()]);
  });
});

describe('GET /api/live', () => {
  it('lists public games in progress with their numbers, not private ones, newest first', async () => {
    const solo = await connect(server.url, 'create', 'solo');
    await solo.startGame(18);
    const [a, b] = await startedDuo(12);
    const [host, guest] = await startedDuo(7, { private: true });
    const w = await watch(a.room.roomId);
    await Promise.all([
      solo.play({ botFrames: 300, untilFrame: 300 }),
      a.play({ botFrames: 200, untilFrame: 200 }),
      host.play({ untilFrame: 60 }),
    ]);

    const expected = [liveGameOf('duo', [a, b], 1), liveGameOf('solo', [solo], 0)];
    let body: LiveResponse | undefined;
    await expectEventually(async () => {
      body = (await live()).body;
      return isDeepStrictEqual(body.games, expected);
    }).catch(() => undefined);
    expect(body).toEqual({ games: expected, total: 2, offset: 0, limit: 20 });

    expect((await live('?mode=solo')).body.games.map((g) => g.roomId)).toEqual([solo.room.roomId]);
    expect((await live('?mode=duo&limit=1')).body).toMatchObject({ total: 1, limit: 1 });
    expect((await live('?offset=1&limit=1')).body).toMatchObject({
      games: [expect.objectContaining({ roomId: solo.room.roomId })],
      total: 2,
      offset: 1,
    });

    // A finished game leaves the list.
    await solo.play({ botFrames: 0 });
    await solo.until('over', () => solo.me?.phase === 'over');
    await expectEventually(async () =>
      (await live()).body.games.every((g) => g.roomId !== solo.room.roomId),
    );
    await Promise.all([w, solo, a, b, host, guest].map((p) => p.leave()));
  }, 30_000);

  it('refuses bad queries with a message naming the parameter', async () => {
    for (const [q, field] of [
      ['?limit=0', 'limit'],
      ['?limit=51', 'limit'],
      ['?offset=-1', 'offset'],
      ['?mode=tetris', 'mode'],
      ['?page=2', 'page'],
      ['?limit=ten', 'limit'],
    ] as const) {
      const res = await getJson<{ error: string }>(`${server.url}/api/live${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error, q).toContain(`bad query parameter ${field}`);
    }
  });
});

/** Polls `check` until it holds (the listing is published at most once a second). */
async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 200));
  }
}
