// Spectator benchmark: the server's CPU for one duo room with two bot players, alone and with
// BENCH_SPECTATORS spectators connected (issue 9: at most 10 % more). Alternates the two settings
// BENCH_ROUNDS times, BENCH_SECONDS each, and prints both figures and their ratio.
// `npx nx run server:bench:spectators` (env: BENCH_SPECTATORS=100 BENCH_SECONDS=15 BENCH_ROUNDS=3
// BENCH_LEVEL=9 BENCH_PROFILE=dir, BENCH_REDIS=1 to run the server on a throwaway redis-server). Loopback only; about 100 s.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoomStateShape, WatchResponse } from '@tengen/protocol';
import { spawnServer, testClientOptions } from '@tengen/test-kit';
import { startRedis } from '../src/testing/redis-server.ts';
import { LoadGroup } from './load-group.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const spectators = env('BENCH_SPECTATORS', 100);
const seconds = env('BENCH_SECONDS', 15);
const rounds = env('BENCH_ROUNDS', 3);
const level = env('BENCH_LEVEL', 9);
const useRedis = process.env['BENCH_REDIS'] === '1';

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
const dir = mkdtempSync(join(tmpdir(), 'tengen-bench-spectators-'));
const redis = useRedis ? await startRedis() : undefined;
const server = await spawnServer({
  PORT: '0',
  DB_FILE: join(dir, 'db.sqlite'),
  CLIENT_DIR: dir,
  DRAIN_SECONDS: '1',
  ...(redis ? { REDIS_URL: redis.url } : {}),
  ...(process.env['BENCH_PROFILE']
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE']}` }
    : {}),
});
const pid = server.proc.pid ?? 0;
// LoadGroup loads the SDK over the `ws` package; take its Client from the same module.
const group = new LoadGroup(server.url, level);
const { Client } = await import('@colyseus/sdk');

/** Connects `n` spectators to `roomId` the way the watch page does. */
async function watchers(roomId: string, n: number) {
  const client = new Client(server.url);
  const rooms = [];
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, async () => {
      // Each spectator from its own network, as behind the load balancer (watching spends the
      // per-address join-by-code attempts).
      const res = await fetch(`${server.url}/api/watch/${roomId}`, {
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

/** User and system CPU seconds of the process (/proc/pid/stat, 10 ms ticks). */
function userSys(): [number, number] {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return [Number(f[11]) / 100, Number(f[12]) / 100];
}

const sysShare: number[] = [];
async function measure(): Promise<number> {
  const c0 = cpuSeconds(pid);
  const [u0, s0] = userSys();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const [u1, s1] = userSys();
  sysShare.push((s1 - s0) / Math.max(0.01, u1 - u0 + s1 - s0));
  return (cpuSeconds(pid) - c0) / ((performance.now() - t0) / 1000);
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
  await group.open(1, 0);
  const pair = group.pairs[0];
  if (!pair) throw new Error('the duo room did not open');
  const roomId = pair.seats[0].room.roomId;
  process.stdout.write(
    `server pid ${pid}${redis ? ' (Redis driver)' : ''}: one duo room, two bots at level ${level}; ` +
      `${rounds} rounds of ${seconds} s alone and ${seconds} s with ${spectators} spectators\n`,
  );
  await sleep(3000);
  const alone: number[] = [];
  const watched: number[] = [];
  let seen = 0;
  for (let r = 0; r < rounds; r++) {
    alone.push(await measure());
    const rooms = await watchers(roomId, spectators);
    await sleep(2000);
    const counted = pair.seats[0].room.state.spectators;
    watched.push(await measure());
    seen = rooms.filter((w) => (w.state.players?.size ?? 0) === 2).length;
    await Promise.all(rooms.map((w) => w.leave(true)));
    await sleep(2000);
    process.stdout.write(
      `round ${r + 1}: alone ${(alone[r]! * 100).toFixed(2)} % CPU, with ${counted} spectators ` +
        `${(watched[r]! * 100).toFixed(2)} % CPU (kernel share ${sysShare
          .slice(-2)
          .map((x) => `${Math.round(x * 100)} %`)
          .join(', ')})\n`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const a = mean(alone);
  const w = mean(watched);
  process.stdout.write(
    `${JSON.stringify({
      spectators,
      spectatorsSeeingBothBoards: seen,
      serverCpuAlone: +(a * 100).toFixed(3),
      serverCpuWithSpectators: +(w * 100).toFixed(3),
      ratio: +(w / a).toFixed(3),
      target: 1.1,
      unit: '% of one core',
    })}\n`,
  );
  await group.close();
  if (redis) await metadataCost(redis.url);
} finally {
  server.proc.kill('SIGTERM');
  await Promise.race([server.exited, sleep(10_000)]);
  if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
