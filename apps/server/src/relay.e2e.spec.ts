import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { CLOSE_CODE, CODE_JOIN_BURST, CODE_JOINS_PER_MINUTE } from '@tengen/protocol';
import {
  freePort,
  spawnServer,
  testAddress,
  TestPlayer,
  testClientOptions,
  type SpawnedServer,
} from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A game server seating its spectators on a watch relay, both as real processes (as deployed).
const dir = mkdtempSync(join(tmpdir(), 'tengen-relay-'));
const secret = 'relay-secret-for-tests-0123456789abcdef';
let game: SpawnedServer;
let relay: SpawnedServer;
let relayPort: number;
const open: TestPlayer[] = [];

const startRelay = (gameUrl: string) =>
  spawnServer({
    ROLE: 'relay',
    PORT: String(relayPort),
    PUBLIC_ADDRESS: `127.0.0.1:${relayPort}`,
    RELAY_UPSTREAM_URL: gameUrl,
    WATCH_RELAY_SECRET: secret,
  });
const stop = async (s: SpawnedServer, signal: NodeJS.Signals = 'SIGTERM') => {
  s.proc.kill(signal);
  await s.exited;
};

beforeAll(async () => {
  const gamePort = await freePort();
  relayPort = await freePort();
  // Both at once: neither needs the other to start (the relay connects upstream per watched game),
  // and two starts one after the other overran this hook's 30 s on a busy CI replica.
  [game, relay] = await Promise.all([
    spawnServer({
      PORT: String(gamePort),
      DB_FILE: join(dir, 'db.sqlite'),
      CLIENT_DIR: dir,
      DRAIN_SECONDS: '1',
      WATCH_RELAY_URL: `http://127.0.0.1:${relayPort}`,
      WATCH_RELAY_SECRET: secret,
    }),
    startRelay(`http://127.0.0.1:${gamePort}`),
  ]);
});
afterAll(async () => {
  await Promise.allSettled(open.map((p) => p.leave()));
  for (const s of [relay, game]) if (s && s.proc.exitCode === null) await stop(s);
  rmSync(dir, { recursive: true, force: true });
});

const track = (p: TestPlayer) => (open.push(p), p);
const watch = async (roomId: string) => track(await TestPlayer.watch(game.url, roomId));
/** The process a watcher's socket is open to. */
const socketPort = (p: TestPlayer) =>
  Number(new URL((p.room.connection.transport as unknown as { ws: WebSocket }).ws.url).port);
const watchStatus = async (roomId: string, address = testAddress()) =>
  (
    await fetch(`${game.url}/api/watch/${encodeURIComponent(roomId)}`, {
      method: 'POST',
      headers: { 'x-forwarded-for': address },
    })
  ).status;
/** Connected clients of one mode in the game process (its own Prometheus gauge). */
async function gameClients(mode: 'solo' | 'duo'): Promise<number> {
  const text = await (await fetch(game.metricsUrl)).text();
  return Number(new RegExp(`^tengen_clients\\{type="${mode}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
}

async function startedDuo(level = 9, opts: { private?: boolean } = {}) {
  const a = track(
    opts.private
      ? await TestPlayer.connect(game.url, 'create', 'duo', { private: true })
      : await TestPlayer.connect(game.url, 'joinOrCreate', 'duo'),
  );
  const b = track(
    opts.private
      ? await TestPlayer.connect(game.url, 'joinById', a.room.roomId)
      : await TestPlayer.connect(game.url, 'joinOrCreate', 'duo'),
  );
  expect(b.room.roomId).toBe(a.room.roomId);
  await Promise.all([a, b].map((p) => p.startGame(level)));
  return [a, b] as const;
}

describe('watching through a relay', () => {
  it('watchers on the relay see the live boards, a late one the current boards at once; the game serves the relay once', async () => {
    const [a, b] = await startedDuo();
    await Promise.all([
      a.play({ botFrames: 300, untilFrame: 300 }),
      b.play({ botFrames: 200, untilFrame: 200 }),
    ]);
    await a.until('own projection at 300', () => a.me?.frame === 300);
    await b.until('own projection at 200', () => b.me?.frame === 200);

    const watchers = [await watch(a.room.roomId), await watch(a.room.roomId)];
    for (const w of watchers) {
      expect(socketPort(w)).toBe(relayPort);
      // The first state already holds both games as the server has them.
      await w.until('both boards', () => w.room.state.players?.get(b.id)?.frame === 200, 3_000);
      for (const p of [a, b])
        expect(w.room.state.players.get(p.id)).toMatchObject({
          frame: p.me?.frame,
          board: p.me?.board,
          score: p.game?.score,
          lines: p.game?.lines,
          phase: 'playing',
        });
    }
    await a.until('2 watching', () => a.room.state.spectators === 2);
    await b.until('2 watching', () => b.room.state.spectators === 2);
    await watchers[0]!.until('count mirrored', () => watchers[0]!.room.state.spectators === 2);
    // Two players and one relay connection, whatever the number of watchers.
    expect(await gameClients('duo')).toBe(3);

    // Play goes on: the watchers follow it; a third joining now gets the current boards at once.
    b.send('inputs', { from: 200, runs: [[40, 0]] });
    await watchers[1]!.until(
      'b moves on',
      () => watchers[1]!.room.state.players.get(b.id)?.frame === 240,
    );
    const late = await watch(a.room.roomId);
    await late.until(
      'current boards',
      () => late.room.state.players?.get(b.id)?.frame === 240,
      3_000,
    );
    expect(late.room.state.players.get(a.id)?.board).toBe(a.me?.board);
    await a.until('3 watching', () => a.room.state.spectators === 3);
    expect(await gameClients('duo')).toBe(3);

    await late.leave();
    await a.until('2 watching', () => a.room.state.spectators === 2);
    // The players leave: the game is over for every watcher, with the game's own close code.
    await Promise.all([a.leave(), b.leave()]);
    for (const w of watchers) {
      await w.until('closed', () => w.closed);
      expect(w.closed?.code).toBe(CLOSE_CODE.gameEnded);
    }
    expect(await watchStatus(a.room.roomId)).toBe(404);
  }, 40_000);

  it('a watcher cannot play through the relay: every message refused, then disconnected', async () => {
    const [a, b] = await startedDuo();
    const w = await watch(a.room.roomId);
    for (const [type, payload] of [
      ['inputs', { from: 0, runs: [[10, 0]] }],
      ['pause', { paused: true }],
      ['relayWatchers', { count: 200 }],
      ['submit', { name: 'sneaky' }],
    ] as const) {
      const seen = w.messages.length;
      w.room.send(type, payload);
      expect(await w.message('error', seen)).toMatchObject({ code: 'spectating' });
    }
    await a.until('1 watching', () => a.room.state.spectators === 1);
    expect(a.room.state.paused).toBe(false);
    for (let i = 0; i < 60; i++) w.room.send('pause', { paused: true });
    await w.until('closed', () => w.closed);
    expect(w.closed?.code).toBe(CLOSE_CODE.tooManyErrors);
    await a.until('nobody watching', () => a.room.state.spectators === 0);
    expect(a.room.state.paused).toBe(false);
    expect(a.opponent?.frame).toBe(0);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('nothing to watch and no way around the game server: unknown rooms, private codes, forged relays', async () => {
    expect(await watchStatus('nOSuchRoom')).toBe(404);
    const [host, guest] = await startedDuo(9, { private: true });
    // The code is the only way in; with it, watching works through the relay.
    const w = await watch(host.room.roomId);
    expect(socketPort(w)).toBe(relayPort);
    await w.until('both players', () => w.room.state.players?.size === 2);

    // The relay seats nobody without the secret, and its public matchmaking is closed.
    const direct = await fetch(`http://127.0.0.1:${relayPort}/relay/watch/${host.room.roomId}`, {
      method: 'POST',
    });
    expect(direct.status).toBe(401);
    const forged = await fetch(`http://127.0.0.1:${relayPort}/relay/watch/${host.room.roomId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${'x'.repeat(secret.length)}` },
    });
    expect(forged.status).toBe(401);
    await expect(
      new Client(`http://127.0.0.1:${relayPort}`).joinOrCreate('watch', {
        gameRoomId: host.room.roomId,
      }),
    ).rejects.toThrow(/opened by the game server/);
    // A browser cannot pose as a relay to the game server either.
    const posing = await fetch(`${game.url}/api/watch/${host.room.roomId}`, {
      method: 'POST',
      headers: { authorization: 'Bearer guess' },
    });
    expect(posing.status).toBe(401);
    await expect(
      new Client(game.url, testClientOptions()).joinById(host.room.roomId, {
        spectate: true,
        relay: true,
      }),
    ).rejects.toThrow(/only a watch relay/);
    await host.until('1 watching', () => host.room.state.spectators === 1);
    await Promise.all([w.leave(), host.leave(), guest.leave()]);
  });

  it('1000 watch requests from one address: the first few are answered, the rest refused, one upstream seat', async () => {
    const [a, b] = await startedDuo();
    try {
      const address = testAddress();
      const statuses: number[] = [];
      const started = Date.now();
      for (let i = 0; i < 1000; i += 100)
        statuses.push(
          ...(await Promise.all(
            Array.from({ length: 100 }, () => watchStatus(a.room.roomId, address)),
          )),
        );
      // The address's budget refills one attempt every 60 / CODE_JOINS_PER_MINUTE s, so each refill
      // while the 1000 requests run lets one more through (one CI run took 7 s: 11 answered).
      const refills = Math.floor((Date.now() - started) / (60_000 / CODE_JOINS_PER_MINUTE));
      const answered = statuses.filter((s) => s === 200).length;
      expect(answered).toBeGreaterThanOrEqual(CODE_JOIN_BURST);
      expect(answered).toBeLessThanOrEqual(CODE_JOIN_BURST + refills);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1000 - answered);
      // The game room has its players and one relay connection (the unused relay seats expire).
      expect(await gameClients('duo')).toBe(3);
    } finally {
      await Promise.all([a.leave(), b.leave()]);
    }
  }, 40_000);

  it('a relay restart: watchers are told, the players see the count drop, new watchers are served again', async () => {
    const [a, b] = await startedDuo();
    const w = await watch(a.room.roomId);
    await a.until('1 watching', () => a.room.state.spectators === 1);
    await stop(relay, 'SIGKILL');
    await w.until('closed', () => w.closed, 15_000);
    await a.until('nobody watching', () => a.room.state.spectators === 0);
    expect(await watchStatus(a.room.roomId)).toBe(503);

    relay = await startRelay(game.url);
    const again = await watch(a.room.roomId);
    await again.until('both players', () => again.room.state.players?.size === 2);
    await a.until('1 watching again', () => a.room.state.spectators === 1);
    await Promise.all([again.leave(), a.leave(), b.leave()]);
  }, 40_000);

  it('the relay loses the game server: its watchers get a clear close', async () => {
    const [a] = await startedDuo();
    const w = await watch(a.room.roomId);
    await w.until('both players', () => w.room.state.players?.size === 2);
    await stop(game, 'SIGKILL');
    await w.until('closed', () => w.closed, 15_000);
    expect(w.closed?.code).toBe(CLOSE_CODE.gameUnreachable);
    // The relay itself carries on.
    expect((await fetch(`http://127.0.0.1:${relayPort}/healthz`)).status).toBe(200);
  }, 30_000);
});
