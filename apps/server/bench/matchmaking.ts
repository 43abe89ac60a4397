// What one quick-match look and one Live listing cost as the cluster grows: a real redis-server,
// Colyseus's matchmaker on the Redis presence and driver (as every replica runs it when scaled out),
// and N listed rooms (full duo games and solo games, with their live summaries, as rooms publish
// them). Prints a JSON line per N: CPU and wall milliseconds per look through the waiting-room set
// (`findOpenRoom`, what quick match does) and through Colyseus's `query` (what it did, and what
// Colyseus's own joinOrCreate does), and per scan of the Live listing.
// `npx nx run server:bench -c matchmaking` (env: BENCH_ROOMS=0,500,2000,6000 BENCH_LOOKS=40).
import { matchMaker } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { startRedis } from '@tengen/test-kit';
import { findOpenRoom, openRoomsKey } from '../src/quick-match-index.ts';

const sizes = (process.env['BENCH_ROOMS'] ?? '0,500,2000,6000').split(',').map(Number);
const looks = Number(process.env['BENCH_LOOKS'] ?? 40);
const WAITING = 3;

const redis = await startRedis();
const presence = new RedisPresence(redis.url);
const driver = new RedisDriver(redis.url);
await matchMaker.setup(presence, driver);

const player = { phase: 'playing', level: 18, score: 412_345, lines: 121 };
let listed = 0;
async function listRoom(i: number, waiting: boolean): Promise<void> {
  const duo = waiting || i % 3 !== 0;
  const roomId = `${waiting ? 'W' : 'R'}${String(i).padStart(8, '0')}`;
  await driver.persist({
    roomId,
    name: duo ? 'duo' : 'solo',
    clients: waiting ? 1 : duo ? 2 : 1,
    maxClients: 34,
    locked: !waiting,
    private: false,
    unlisted: false,
    processId: `process${i % 3}`,
    publicAddress: `10.0.${i % 3}.1:2567/process${i % 3}`,
    createdAt: new Date(Date.now() - i),
    metadata: {
      live: true,
      mode: duo ? 'duo' : 'solo',
      players: duo ? [player, player] : [player],
      spectators: 0,
    },
  } as never);
  if (waiting) await presence.sadd(openRoomsKey('duo'), roomId);
}

/** CPU and wall ms per call of `look`, over `looks` calls after 5 to warm up. */
async function measure(look: () => Promise<unknown>): Promise<{ cpuMs: number; wallMs: number }> {
  for (let i = 0; i < 5; i++) await look();
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < looks; i++) await look();
  const used = process.cpuUsage(cpu);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    cpuMs: round((used.user + used.system) / 1000 / looks),
    wallMs: round((performance.now() - t) / looks),
  };
}

for (let i = 0; i < WAITING; i++) await listRoom(i, true);
for (const n of sizes) {
  for (; listed < n; listed++) await listRoom(listed, false);
  const viaSet = await measure(async () => {
    if (!(await findOpenRoom('duo', new Set()))) throw new Error('no open room found');
  });
  const viaQuery = await measure(async () => {
    const open = await matchMaker.query({ name: 'duo', locked: false, private: false });
    if (open.length !== WAITING) throw new Error(`${open.length} open rooms found`);
  });
  const liveScan = await measure(() => matchMaker.query({ private: false }));
  console.log(
    JSON.stringify({
      listedRooms: n + WAITING,
      quickMatchLook: viaSet,
      colyseusQueryLook: viaQuery,
      liveListingScan: liveScan,
    }),
  );
}

await Promise.allSettled([presence.shutdown(), driver.shutdown()]);
await redis.stop();
process.exit(0);
