// Spectator benchmark: the game server's CPU for one duo room with two bot players, alone and with
// BENCH_SPECTATORS spectators connected (issue 9: at most 10 % more). Alternates the two settings
// BENCH_ROUNDS times, BENCH_SECONDS each, and prints both figures and their ratio, for each target
// in BENCH_TARGETS: `direct` (spectators in the game room, as `npm start` runs) and `relay`
// (spectators on a watch relay process, `ROLE=relay`; the relay's own CPU is printed too).
// `npx nx run server:bench -c spectators` (env: BENCH_SPECTATORS=100 BENCH_SECONDS=15 BENCH_ROUNDS=3
// BENCH_LEVEL=9 BENCH_TARGETS=direct,relay BENCH_PROFILE=dir, BENCH_REDIS=1 to run the game server
// on a throwaway redis-server). Loopback only; about 4 minutes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import type { RoomStateShape, WatchResponse } from '@tengen/protocol';
import { freePort, spawnServer, testClientOptions, type SpawnedServer } from '@tengen/test-kit';
import { startRedis } from '../src/testing/redis-server.ts';
import { ProbePairs } from './probe-pairs.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const spectators = env('BENCH_SPECTATORS', 100);
const seconds = env('BENCH_SECONDS', 15);
const rounds = env('BENCH_ROUNDS', 3);
const level = env('BENCH_LEVEL', 9);
const useRedis = process.env['BENCH_REDIS'] === '1';
const targets = (process.env['BENCH_TARGETS'] ?? 'direct,relay').split(',');
for (const t of targets)
  if (t !== 'direct' && t !== 'relay') throw new Error(`BENCH_TARGETS: unknown target ${t}`);
const secret = 'bench-relay-secret-0123456789abcdefgh';

/** CPU time of every thread of a process in seconds, at nanosecond resolution (schedstat). */
function cpuSeconds(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ns / 1e9;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => +(x * 100).toFixed(3);
const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const dir = mkdtempSync(join(tmpdir(), 'tengen-bench-spectators-'));
const redis = useRedis ? await startRedis() : undefined;

/** Starts the game server (seating spectators on a relay at `relayPort` when given). */
function startGame(relayPort?: number): Promise<SpawnedServer> {
  return spawnServer({
    PORT: '0',
    DB_FILE: join(dir, `db-${relayPort ?? 'direct'}.sqlite`),
    CLIENT_DIR: dir,
    DRAIN_SECONDS: '1',
    ...(redis ? { REDIS_URL: redis.url } : {}),
    ...(relayPort
      ? { WATCH_RELAY_URL: `http://127.0.0.1:${relayPort}`, WATCH_RELAY_SECRET: secret }
      : {}),
    ...(process.env['BENCH_PROFILE']
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE']}` }
      : {}),
  });
}

/** Connects `n` spectators to `roomId` the way the watch page does. */
async function watchers(url: string, roomId: string, n: number) {
  const client = new Client(url);
  const rooms = [];
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, async () => {
      // Each spectator from its own network, as behind the load balancer (watching spends the
      // per-address join-by-code attempts).
      const res = await fetch(`${url}/api/watch/${roomId}`, {
        method: 'POST',
        headers: testClientOptions().headers,
      });
      if (!res.ok) throw new Error(`watch: ${res.status} ${await res.text()}`);
      const { reservation } = (await res.json()) as WatchResponse;
      return client.consumeSeatReservation<RoomStateShape>(reservation);
    });
    rooms.push(...(await Promise.all(batch)));
  }
  return rooms;
}

/** User and system CPU seconds of a process (/proc/pid/stat, 10 ms ticks). */
function userSys(pid: number): [number, number] {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return [Number(f[11]) / 100, Number(f[12]) / 100];
}

/** CPU share (of one core) of each of `pids` over BENCH_SECONDS, and the first one's kernel share. */
async function measure(pids: number[]): Promise<{ cpu: number[]; sys: number }> {
  const c0 = pids.map(cpuSeconds);
  const [u0, s0] = userSys(pids[0]!);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const [u1, s1] = userSys(pids[0]!);
  const wall = (performance.now() - t0) / 1000;
  return {
    cpu: pids.map((pid, i) => (cpuSeconds(pid) - c0[i]!) / wall),
    sys: (s1 - s0) / Math.max(0.01, u1 - u0 + s1 - s0),
  };
}

/**
 * One target: a game server (and for `relay` a relay process), one duo room of two bots, rounds
 * of BENCH_SECONDS alone and BENCH_SECONDS with the spectators.
 */
async function run(target: 'direct' | 'relay'): Promise<void> {
  const relayPort = target === 'relay' ? await freePort() : undefined;
  const game = await startGame(relayPort);
  const relay =
    relayPort === undefined
      ? undefined
      : await spawnServer({
          ROLE: 'relay',
          PORT: String(relayPort),
          PUBLIC_ADDRESS: `127.0.0.1:${relayPort}`,
          RELAY_UPSTREAM_URL: game.url,
          WATCH_RELAY_SECRET: secret,
        });
  const pids = [game.proc.pid ?? 0, ...(relay ? [relay.proc.pid ?? 0] : [])];
  const pair = new ProbePairs();
  try {
    await pair.open(game.url, 1, level);
    const host = pair.players[0];
    if (!host) throw new Error('the duo room did not open');
    const roomId = host.room.roomId;
    process.stdout.write(
      `[${target}] game server pid ${pids[0]}${relay ? `, relay pid ${pids[1]}` : ''}` +
        `${redis ? ' (Redis driver)' : ''}: one duo room, two bots at level ${level}; ` +
        `${rounds} rounds of ${seconds} s alone and ${seconds} s with ${spectators} spectators\n`,
    );
    await sleep(3000);
    const alone: number[] = [];
    const watched: number[] = [];
    const relayCpu: number[] = [];
    let seen = 0;
    let counted = 0;
    for (let r = 0; r < rounds; r++) {
      const a = await measure(pids);
      alone.push(a.cpu[0]!);
      const rooms = await watchers(game.url, roomId, spectators);
      await sleep(2000);
      counted = host.room.state.spectators;
      const w = await measure(pids);
      watched.push(w.cpu[0]!);
      if (relay) relayCpu.push(w.cpu[1]!);
      seen = rooms.filter((x) => (x.state.players?.size ?? 0) === 2).length;
      await Promise.all(rooms.map((x) => x.leave(true)));
      await sleep(2000);
      process.stdout.write(
        `[${target}] round ${r + 1}: game server alone ${(alone[r]! * 100).toFixed(2)} % CPU, ` +
          `with ${counted} spectators ${(watched[r]! * 100).toFixed(2)} % CPU ` +
          `(kernel share ${Math.round(a.sys * 100)} %, ${Math.round(w.sys * 100)} %)` +
          `${relay ? `; relay ${(relayCpu[r]! * 100).toFixed(2)} % CPU` : ''}\n`,
      );
    }
    const a = mean(alone);
    const w = mean(watched);
    process.stdout.write(
      `${JSON.stringify({
        target,
        spectators,
        spectatorsCountedByPlayers: counted,
        spectatorsSeeingBothBoards: seen,
        gameCpuAlone: pct(a),
        gameCpuWithSpectators: pct(w),
        ratio: +(w / a).toFixed(3),
        // Each round's own ratio, middle value: less swayed by one round on a busy machine.
        medianRoundRatio: +median(watched.map((x, i) => x / alone[i]!)).toFixed(3),
        target_ratio: 1.1,
        ...(relay ? { relayCpuWithSpectators: pct(mean(relayCpu)) } : {}),
        unit: '% of one core',
      })}\n`,
    );
  } finally {
    await pair.close();
    for (const s of [relay, game]) {
      if (!s) continue;
      s.proc.kill('SIGTERM');
      await Promise.race([s.exited, sleep(10_000)]);
      if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    }
  }
}
/**
 * What a room's live summary costs when scaled out: one `setMetadata` is one driver `persist` (a
 * Redis HSET of the room's listing), at most once a second per public room.
 */
async function metadataCost(url: string): Promise<void> {
  const { RedisDriver } = await import('@colyseus/redis-driver');
  const { initializeRoomCache } = await import('@colyseus/core');
  const driver = new RedisDriver(url);
  const player = { phase: 'playing', level: 18, score: 123456, lines: 140 };
  const listing = initializeRoomCache({
    name: 'duo',
    roomId: 'benchLive1',
    processId: 'bench',
    maxClients: 202,
    metadata: { live: true, mode: 'duo', players: [player, player], spectators: 100 },
  });
  const n = 2000;
  for (let i = 0; i < 100; i++) await driver.persist(listing);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await driver.persist(listing);
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  await driver.remove(listing.roomId);
  await driver.shutdown();
  process.stdout.write(
    `${JSON.stringify({
      metadataPublish: 'RedisDriver.persist of one listing',
      cpuMicrosecondsEach: +((cpu.user + cpu.system) / n).toFixed(1),
      wallMicrosecondsEach: +((wall * 1000) / n).toFixed(1),
      listingBytes: JSON.stringify(listing).length,
    })}\n`,
  );
}

try {
  for (const t of targets) await run(t as 'direct' | 'relay');
  if (redis) await metadataCost(redis.url);
} finally {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
