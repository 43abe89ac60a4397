// Memory per connection: RSS of one server process as real SDK clients connect, idle, then play.
// `npx nx run server:bench-memory` (env: BENCH_PLAYERS=500, an even number). Loopback only; ~1 min.
// Prints the figures MAX_CONNECTIONS and the chart's memory limit are set from.
import { readFileSync } from 'node:fs';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { startServerProcess, testClientOptions } from '@tengen/test-kit';

// (The SDK picks its WebSocket class when it loads, hence the dynamic import.)
const { Client } = await import('@colyseus/sdk');
type Room = Awaited<ReturnType<InstanceType<typeof Client>['create']>>;

const players = Math.max(2, Math.floor(Number(process.env['BENCH_PLAYERS'] ?? 500) / 2) * 2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** RSS once it has settled: the median of a few samples a second apart. */
async function settledRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(1000);
    samples.push(rssMb(pid));
  }
  return samples.sort((a, b) => a - b)[2]!;
}

const server = await startServerProcess({ MAX_CONNECTIONS: String(players + 10) });
const pid = server.proc.pid ?? 0;

/** Opens `pairs` private duo rooms (host + friend by code): each player watches the other. */
async function openPairs(pairs: number): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let i = 0; i < pairs; i++) {
    const client = new Client(server.url, testClientOptions());
    const host = await client.create('duo', { private: true });
    const guest = await client.joinById(host.roomId, {});
    for (const r of [host, guest]) r.onMessage('*', () => undefined);
    rooms.push(host, guest);
  }
  return rooms;
}

// Warm up the code paths (and the JIT) so the baseline holds them, then let it settle.
const warm = await openPairs(10);
await Promise.all(warm.map((r) => r.leave()));
const base = await settledRss(pid);

const t0 = performance.now();
const rooms = await openPairs(players / 2);
const opened = (performance.now() - t0) / 1000;
const idle = await settledRss(pid);

// Every player starts a level-0 game and sends its frames at the NES rate, in 250 ms batches.
for (const r of rooms) r.send('ready', {});
await sleep(1000);
const started = performance.now();
let frame = 0;
const ticker = setInterval(() => {
  const due = Math.floor(((performance.now() - started) / 1000) * FRAMES_PER_SECOND);
  if (due <= frame) return;
  const runs = [[due - frame, 0]];
  for (const r of rooms) r.send('inputs', { from: frame, runs });
  frame = due;
}, 250);
await sleep(20_000);
const playing = await settledRss(pid);
clearInterval(ticker);

const scraped = await (await fetch(server.metricsUrl)).text();
const counter = (name: string) =>
  [...scraped.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'gm'))].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
const perIdle = ((idle - base) * 1024) / players;
const perPlaying = ((playing - base) * 1024) / players;
process.stdout.write(
  [
    `players: ${players} (${players / 2} private duo rooms, opened in ${opened.toFixed(1)} s)`,
    `RSS baseline:            ${base.toFixed(1)} MB`,
    `RSS with idle players:   ${idle.toFixed(1)} MB  -> ${perIdle.toFixed(0)} KB per idle connection`,
    `RSS with ${(frame / FRAMES_PER_SECOND) | 0} s of play:   ${playing.toFixed(1)} MB  -> ${perPlaying.toFixed(0)} KB per playing connection`,
    `games started: ${counter('tengen_games_started_total')}, messages refused: ${counter('tengen_rejected_messages_total')}, games made unranked: ${counter('tengen_unranked_games_total')}`,
    `so: MAX_CONNECTIONS x ${perPlaying.toFixed(0)} KB + ${base.toFixed(0)} MB, doubled for headroom, must fit the memory limit`,
    '',
  ].join('\n'),
);

await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
await server.stop();
process.exit(0);
